// A fingerprint of one frame's ImGui draw data: equal fingerprints mean the same pixels
// (same vertices, indices, textures and clipping), so the platform can tell a settled screen
// from one that still changes without comparing pixels.
#pragma once

#include <imgui.h>

#include <cstdint>

namespace kiosk::ui {

std::uint64_t drawDataFingerprint(const ImDrawData& drawData);

} // namespace kiosk::ui
