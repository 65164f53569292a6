// `kiosk-pack build`: source folder in, content pack out, or a list of problems and no output.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::builder {

struct BuildOptions {
    std::filesystem::path sourceFolder;
    std::filesystem::path output;
    // Every font the kiosk draws pack text with; see FontCoverage.
    std::vector<std::filesystem::path> fontFiles;
};

struct BuildResult {
    bool succeeded = false;
    // "file:line: message" lines, in source order; empty on success.
    std::vector<std::string> problems;
    std::uint64_t packBytes = 0;
    std::size_t pageCount = 0;
    std::size_t imageCount = 0;
};

// Never leaves a partial file: the pack is written next to `output` under a temporary name,
// synced and renamed over it only once it is complete and has passed the kiosk's own reader.
BuildResult buildPack(const BuildOptions& options);

// Regular and bold Noto Sans from the kiosk's font folder: body text and headings.
std::vector<std::filesystem::path> defaultFontFiles();

} // namespace kiosk::builder
