// What the statistics need to know about a pack to make counts readable later: which
// category a page is in, whether it is a programme or a meeting, and its title. Exported
// with the counts so a report can group pages without having the pack at hand.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::pack {
struct PackIndex;
}

namespace kiosk::stats {

struct CatalogLanguage {
    std::string code; // ISO 639-3
    std::string name; // as the pack writes it, e.g. "Tiếng Việt"
};

struct CatalogCategory {
    std::string id;
    std::string title;
};

struct CatalogPage {
    std::string id;
    std::string categoryId;
    std::string kind; // "article", "programme" or "meeting"
    std::string title;
};

struct PackCatalog {
    std::string packId;
    std::int64_t version = 0;
    std::vector<CatalogLanguage> languages;
    std::vector<CatalogCategory> categories;
    std::vector<CatalogPage> pages;
};

// Titles are taken in the pack's default language.
PackCatalog catalogOf(const pack::PackIndex& index);

} // namespace kiosk::stats
