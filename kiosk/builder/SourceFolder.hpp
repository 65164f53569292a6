// Lists the entries of a pack source folder the way the builder may use them: sorted (so the
// output does not depend on the file system's order), names in NFC (so "ảnh.png" written on a
// Mac matches the same name typed on Windows), hidden files and editor clutter left out, and
// nothing followed through a symbolic link out of the folder.
#pragma once

#include "Diagnostics.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::builder {

struct FolderEntry {
    std::string name; // NFC
    std::filesystem::path path;
    enum class Type { RegularFile, Directory, Other } type = Type::Other;
};

// A hostile source could hold millions of files; no real pack comes near this.
inline constexpr std::size_t kMaximumFolderEntries = 10000;

// Reports entries that cannot be used (a name that is not UTF-8, too many entries) and
// leaves them out. Symbolic links are listed as Type::Other.
std::vector<FolderEntry> listSourceFolder(const std::filesystem::path& folder, const std::string& displayName,
                                          Diagnostics& diagnostics);

// Files people's tools leave behind without them knowing: editor backups, Windows thumbnails.
bool isToolLeftover(const std::string& name);

} // namespace kiosk::builder
