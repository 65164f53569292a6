// The entry point the libFuzzer target and the regression test share: everything the kiosk
// does with the bytes of a pack from a stick, from opening to drawing. It must return (or throw
// one of the refusal errors it catches itself) for any input: a crash, a hang, a sanitizer
// report or an unexpected exception is a bug.
#pragma once

#include <cstdint>
#include <span>

namespace kiosk::install::fuzz {

// Inspects the bytes as the installer does (integrity, schema, texts, every picture), then
// opens them as the UI does and loads every page in every language and every picture, decoding
// each within the kiosk's limits.
void explorePackBytes(std::span<const std::uint8_t> bytes);

} // namespace kiosk::install::fuzz
