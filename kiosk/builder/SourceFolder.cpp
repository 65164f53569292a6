#include "SourceFolder.hpp"

#include "text/Unicode.hpp"

#include <algorithm>
#include <system_error>

namespace kiosk::builder {

bool isToolLeftover(const std::string& name) {
    return name.ends_with("~") || name.ends_with(".bak") || name.ends_with(".swp") || name == "Thumbs.db" ||
           name == "desktop.ini";
}

std::vector<FolderEntry> listSourceFolder(const std::filesystem::path& folder, const std::string& displayName,
                                          Diagnostics& diagnostics) {
    std::vector<FolderEntry> entries;
    std::error_code error;
    std::filesystem::directory_iterator iterator(folder, error);
    if (error) {
        diagnostics.report(displayName, 0, "cannot list the folder: " + error.message());
        return entries;
    }
    for (; !error && iterator != std::filesystem::directory_iterator(); iterator.increment(error)) {
        const std::filesystem::directory_entry& entry = *iterator;
        const std::string rawName = entry.path().filename().string();
        if (rawName.starts_with("."))
            continue; // hidden: .DS_Store, .git, editor swap files
        const std::optional<std::string> name = text::toNfc(rawName);
        if (!name) {
            diagnostics.report(displayName, 0, "a file name is not valid UTF-8; rename it");
            continue;
        }
        if (entries.size() == kMaximumFolderEntries) {
            diagnostics.report(displayName, 0,
                               "more than " + std::to_string(kMaximumFolderEntries) +
                                   " entries in the folder");
            break;
        }
        FolderEntry listed;
        listed.name = *name;
        listed.path = entry.path();
        const std::filesystem::file_status status = entry.symlink_status(error);
        if (!error && std::filesystem::is_regular_file(status))
            listed.type = FolderEntry::Type::RegularFile;
        else if (!error && std::filesystem::is_directory(status))
            listed.type = FolderEntry::Type::Directory;
        entries.push_back(std::move(listed));
    }
    if (error)
        diagnostics.report(displayName, 0, "cannot list the folder: " + error.message());
    std::sort(entries.begin(), entries.end(),
              [](const FolderEntry& left, const FolderEntry& right) { return left.name < right.name; });
    // Only possible when one name is written with composed accents and one with decomposed ones.
    const auto twin = std::adjacent_find(
        entries.begin(), entries.end(),
        [](const FolderEntry& left, const FolderEntry& right) { return left.name == right.name; });
    if (twin != entries.end()) {
        diagnostics.report(displayName, 0,
                           "two entries are both named '" + twin->name +
                               "' once their accents are normalised; rename one");
        entries.erase(std::unique(entries.begin(), entries.end(),
                                  [](const FolderEntry& left, const FolderEntry& right) {
                                      return left.name == right.name;
                                  }),
                      entries.end());
    }
    return entries;
}

} // namespace kiosk::builder
