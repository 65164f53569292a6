// The small Markdown subset page bodies are written in, turned into the kiosk's text blocks.
//
//   # Heading / ## Heading     a heading (the kiosk has one heading size)
//   - item, * item, • item     a bullet; following lines without a marker continue it
//   other lines                a paragraph; consecutive lines join with one space
//   blank line                 ends the paragraph or bullet
//
// Nothing else is interpreted: a field officer's '*' or '_' inside a sentence stays as typed.
#pragma once

#include "SourceText.hpp"
#include "pack/PackModel.hpp"

#include <span>
#include <vector>

namespace kiosk::builder {

// With `startLines`, also the line each block starts on (for messages about a block).
std::vector<pack::TextBlock> parseMarkdownBlocks(std::span<const SourceLine> lines,
                                                 std::vector<int>* startLines = nullptr);

} // namespace kiosk::builder
