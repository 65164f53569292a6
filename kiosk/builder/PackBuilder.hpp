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
    // Synthesise a narration (espeak-ng) for every page and language that has none and a
    // voice, as if pack.txt said `narrate-missing: yes`.
    bool narrateMissing = false;
};

struct BuildResult {
    bool succeeded = false;
    // "file:line: message" lines, in source order; empty on success.
    std::vector<std::string> problems;
    std::uint64_t packBytes = 0;
    std::size_t pageCount = 0;
    std::size_t imageCount = 0;
    std::size_t recordingCount = 0;   // narrations and spoken names stored
    std::size_t synthesisedCount = 0; // of those, made by speech synthesis
};

// Never leaves a partial file: the pack is written next to `output` under a temporary name,
// synced and renamed over it only once it is complete and has passed the kiosk's own reader.
BuildResult buildPack(const BuildOptions& options);

// Regular and bold Noto Sans from the kiosk's font folder: body text and headings.
std::vector<std::filesystem::path> defaultFontFiles();

} // namespace kiosk::builder
