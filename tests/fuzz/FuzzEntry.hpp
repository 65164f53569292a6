// The entry points the libFuzzer targets and the regression test share: everything the kiosk
// does with the bytes of a pack from a stick, from opening to drawing, and with one picture or
// one recording inside it. Each must return for any input: a crash, a hang, a sanitizer
// report, an unexpected exception or a broken promise between two of the checks (they abort)
// is a bug.
#pragma once

#include <cstdint>
#include <span>

namespace kiosk::install::fuzz {

// Inspects the bytes as the installer does (integrity, schema, texts, every picture), then
// opens them as the UI does and loads every page in every language and every picture, decoding
// each within the kiosk's limits.
void explorePackBytes(std::span<const std::uint8_t> bytes);

// One picture as the install check and the kiosk read it, at the full-size limits: the header,
// the row-by-row check and the full decode. Aborts if the check and the decode disagree, or
// if the decoded size is not the header's.
void explorePictureBytes(std::span<const std::uint8_t> bytes);

// One recording as the install check and the player read it, within the pack's limits: the
// header probe, the full scan, the whole decode, and playback in small blocks with a rewind.
// Aborts if the scan and the decode disagree on whether it decodes or on its length.
void exploreRecordingBytes(std::span<const std::uint8_t> bytes);

} // namespace kiosk::install::fuzz
