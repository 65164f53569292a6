#include "DrawDataFingerprint.hpp"

#include <cstring>

namespace kiosk::ui {

namespace {

// FNV-1a over 64-bit words: a frame's draw data is some hundred kilobytes, hashed once a
// frame while the screen settles; this is a fraction of a millisecond even on a Pi. It only
// needs to tell frames apart, not resist anyone.
class Fingerprint {
  public:
    void add(const void* bytes, std::size_t size) {
        const auto* data = static_cast<const unsigned char*>(bytes);
        std::size_t offset = 0;
        for (; offset + sizeof(std::uint64_t) <= size; offset += sizeof(std::uint64_t)) {
            std::uint64_t word;
            std::memcpy(&word, data + offset, sizeof word);
            mix(word);
        }
        std::uint64_t tail = 0;
        if (size > offset)
            std::memcpy(&tail, data + offset, size - offset);
        mix(tail ^ size);
    }
    template <typename Value> void addValue(const Value& value) { add(&value, sizeof value); }
    std::uint64_t value() const { return state_; }

  private:
    void mix(std::uint64_t word) {
        state_ ^= word;
        state_ *= 0x100000001b3ULL;
    }
    std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

} // namespace

std::uint64_t drawDataFingerprint(const ImDrawData& drawData) {
    Fingerprint fingerprint;
    fingerprint.addValue(drawData.CmdListsCount);
    fingerprint.addValue(drawData.DisplaySize);
    for (int list = 0; list < drawData.CmdListsCount; ++list) {
        const ImDrawList& drawList = *drawData.CmdLists[list];
        fingerprint.add(drawList.VtxBuffer.Data,
                        static_cast<std::size_t>(drawList.VtxBuffer.Size) * sizeof(ImDrawVert));
        fingerprint.add(drawList.IdxBuffer.Data,
                        static_cast<std::size_t>(drawList.IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& command : drawList.CmdBuffer) {
            fingerprint.addValue(command.ClipRect);
            fingerprint.addValue(command.TextureId);
            fingerprint.addValue(command.VtxOffset);
            fingerprint.addValue(command.IdxOffset);
            fingerprint.addValue(command.ElemCount);
            // A callback draws what the draw data cannot show; its pointer is what we know of it.
            fingerprint.addValue(command.UserCallback);
        }
    }
    return fingerprint.value();
}

} // namespace kiosk::ui
