// `kiosk-pack info`: what a pack file holds, for staff checking a pack before it goes on a
// USB stick. Reading goes through the kiosk's own PackReader, so a pack that prints here is a
// pack the kiosk accepts (apart from its minimum kiosk version, which is only reported).
#pragma once

#include "pack/PackReader.hpp"

#include <ostream>

namespace kiosk::builder {

// Prints the metadata, languages, categories and pages. Loads every page in every language
// and every picture, so a damaged pack throws here (pack::PackError) instead of printing.
void describePack(const pack::PackReader& reader, std::ostream& out);

} // namespace kiosk::builder
