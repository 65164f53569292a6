#include "stats/PackCatalog.hpp"

#include "pack/PackModel.hpp"

namespace kiosk::stats {

PackCatalog catalogOf(const pack::PackIndex& index) {
    const pack::LanguageCode& defaultLanguage = index.metadata.defaultLanguage;
    PackCatalog catalog;
    catalog.packId = index.metadata.packId;
    catalog.version = index.metadata.packVersion;
    for (const pack::Language& language : index.languages)
        catalog.languages.push_back({language.code, language.nativeName});
    for (const pack::Category& category : index.categories)
        catalog.categories.push_back({category.id, category.title.in(defaultLanguage, defaultLanguage)});
    for (const pack::PageSummary& page : index.pages)
        catalog.pages.push_back({page.id, page.categoryId, pack::pageKindName(page.kind),
                                 page.title.in(defaultLanguage, defaultLanguage)});
    return catalog;
}

} // namespace kiosk::stats
