#include "FontAtlasSnapshot.hpp"

#include <cstring>
#include <imgui_internal.h>
#include <optional>
#include <sodium.h>
#include <stdexcept>
#include <string_view>

namespace kiosk::ui {

namespace {

constexpr std::string_view kMagic = "kiosk font atlas 1\n";
constexpr std::size_t kHashLength = 64; // hexadecimal BLAKE2b-256
// BLAKE2b rather than the SHA-256 used elsewhere: it only has to catch a damaged file, and it
// is faster and needs no OpenSSL start-up (a millisecond on the first use in a process).
std::string digestHex(std::span<const std::uint8_t> bytes) {
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium cannot start");
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest, bytes.data(), bytes.size(), nullptr, 0);
    char hex[sizeof digest * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(hex, sizeof digest * 2);
}
constexpr std::uint32_t kLargestTextureSide = 16384;

struct SavedGlyph {
    std::uint32_t codepoint = 0;
    float advanceX = 0, x0 = 0, y0 = 0, x1 = 0, y1 = 0, u0 = 0, v0 = 0, u1 = 0, v1 = 0;
};

struct SavedFont {
    float ascent = 0, descent = 0;
    std::vector<SavedGlyph> glyphs;
};

struct SavedAtlas {
    std::uint32_t width = 0, height = 0;
    std::vector<std::pair<std::uint16_t, std::uint16_t>> customRects; // where each went
    std::vector<SavedFont> fonts;                                     // one per config
    std::span<const std::uint8_t> pixels;                             // alpha, width x height
};

class Writer {
  public:
    template <typename Value> void put(const Value& value) {
        putBytes(reinterpret_cast<const unsigned char*>(&value), sizeof value);
    }
    void put(std::string_view text) {
        put(static_cast<std::uint32_t>(text.size()));
        putBytes(reinterpret_cast<const unsigned char*>(text.data()), text.size());
    }
    // resize and copy rather than insert: GCC 12 warns, wrongly, about small inserts.
    void putBytes(const unsigned char* bytes, std::size_t size) {
        const std::size_t at = out_.size();
        out_.resize(at + size);
        if (size > 0)
            std::memcpy(out_.data() + at, bytes, size);
    }
    std::vector<std::uint8_t>& bytes() { return out_; }

  private:
    std::vector<std::uint8_t> out_;
};

class Reader {
  public:
    explicit Reader(std::span<const std::uint8_t> in) : in_(in) {}
    template <typename Value> bool get(Value& value) {
        if (in_.size() - at_ < sizeof value)
            return false;
        std::memcpy(&value, in_.data() + at_, sizeof value);
        at_ += sizeof value;
        return true;
    }
    bool get(std::string& text) {
        std::uint32_t size = 0;
        if (!get(size) || in_.size() - at_ < size)
            return false;
        text.assign(reinterpret_cast<const char*>(in_.data() + at_), size);
        at_ += size;
        return true;
    }
    std::optional<std::span<const std::uint8_t>> take(std::size_t size) {
        if (in_.size() - at_ < size)
            return std::nullopt;
        const auto part = in_.subspan(at_, size);
        at_ += size;
        return part;
    }
    bool atEnd() const { return at_ == in_.size(); }

  private:
    std::span<const std::uint8_t> in_;
    std::size_t at_ = 0;
};

// Everything after the header, as written by saveFontAtlas; nullopt if it does not add up.
std::optional<SavedAtlas> parse(std::span<const std::uint8_t> payload) {
    Reader in(payload);
    SavedAtlas saved;
    std::uint32_t rectCount = 0, fontCount = 0;
    if (!in.get(saved.width) || !in.get(saved.height) || saved.width == 0 || saved.height == 0 ||
        saved.width > kLargestTextureSide || saved.height > kLargestTextureSide || !in.get(rectCount) ||
        rectCount > 1024)
        return std::nullopt;
    for (std::uint32_t index = 0; index < rectCount; ++index) {
        std::pair<std::uint16_t, std::uint16_t> position;
        if (!in.get(position.first) || !in.get(position.second))
            return std::nullopt;
        saved.customRects.push_back(position);
    }
    if (!in.get(fontCount) || fontCount > 1024)
        return std::nullopt;
    for (std::uint32_t index = 0; index < fontCount; ++index) {
        SavedFont font;
        std::uint32_t glyphCount = 0;
        if (!in.get(font.ascent) || !in.get(font.descent) || !in.get(glyphCount) || glyphCount > 0x10000)
            return std::nullopt;
        font.glyphs.resize(glyphCount);
        for (SavedGlyph& glyph : font.glyphs)
            if (!in.get(glyph) || glyph.codepoint > IM_UNICODE_CODEPOINT_MAX)
                return std::nullopt;
        saved.fonts.push_back(std::move(font));
    }
    const auto pixels = in.take(static_cast<std::size_t>(saved.width) * saved.height);
    if (!pixels || !in.atEnd())
        return std::nullopt;
    saved.pixels = *pixels;
    return saved;
}

} // namespace

std::string fontAtlasKey(const ImFontAtlas& atlas, const std::string& fontFilesIdentity) {
    Writer key;
    key.put(std::string_view(IMGUI_VERSION));
    key.put(static_cast<std::uint32_t>(sizeof(ImWchar)));
    key.put(static_cast<std::uint32_t>(sizeof(ImFontGlyph)));
    key.put(atlas.Flags);
    key.put(atlas.TexDesiredWidth);
    key.put(atlas.TexGlyphPadding);
    key.put(std::string_view(fontFilesIdentity));
    for (const ImFontConfig& config : atlas.ConfigData) {
        key.put(config.FontDataSize);
        key.put(config.FontNo);
        key.put(config.SizePixels);
        key.put(config.OversampleH);
        key.put(config.OversampleV);
        key.put(config.PixelSnapH);
        key.put(config.GlyphExtraSpacing);
        key.put(config.GlyphOffset);
        key.put(config.GlyphMinAdvanceX);
        key.put(config.GlyphMaxAdvanceX);
        key.put(config.MergeMode);
        key.put(config.RasterizerMultiply);
        key.put(config.EllipsisChar);
        for (const ImWchar* range = config.GlyphRanges; range && *range; ++range)
            key.put(*range);
        key.put(ImWchar(0));
    }
    // A digest keeps the file's header short whatever the ranges hold.
    return digestHex(key.bytes());
}

std::vector<std::uint8_t> saveFontAtlas(const ImFontAtlas& atlas, const std::string& key) {
    Writer payload;
    payload.put(static_cast<std::uint32_t>(atlas.TexWidth));
    payload.put(static_cast<std::uint32_t>(atlas.TexHeight));
    payload.put(static_cast<std::uint32_t>(atlas.CustomRects.Size));
    for (const ImFontAtlasCustomRect& rect : atlas.CustomRects) {
        payload.put(static_cast<std::uint16_t>(rect.X));
        payload.put(static_cast<std::uint16_t>(rect.Y));
    }
    payload.put(static_cast<std::uint32_t>(atlas.ConfigData.Size));
    for (const ImFontConfig& config : atlas.ConfigData) {
        const ImFont& font = *config.DstFont;
        payload.put(font.Ascent);
        payload.put(font.Descent);
        payload.put(static_cast<std::uint32_t>(font.Glyphs.Size));
        for (const ImFontGlyph& glyph : font.Glyphs)
            payload.put(SavedGlyph{glyph.Codepoint, glyph.AdvanceX, glyph.X0, glyph.Y0, glyph.X1, glyph.Y1,
                                   glyph.U0, glyph.V0, glyph.U1, glyph.V1});
    }
    payload.putBytes(atlas.TexPixelsAlpha8, static_cast<std::size_t>(atlas.TexWidth) * atlas.TexHeight);

    Writer file;
    file.putBytes(reinterpret_cast<const unsigned char*>(kMagic.data()), kMagic.size());
    file.put(std::string_view(key));
    const std::string hash = digestHex(payload.bytes());
    file.putBytes(reinterpret_cast<const unsigned char*>(hash.data()), hash.size());
    file.putBytes(payload.bytes().data(), payload.bytes().size());
    return std::move(file.bytes());
}

bool restoreFontAtlas(ImFontAtlas& atlas, std::span<const std::uint8_t> saved, const std::string& key) {
    if (saved.size() < kMagic.size() || std::memcmp(saved.data(), kMagic.data(), kMagic.size()) != 0)
        return false;
    Reader header(saved.subspan(kMagic.size()));
    std::string savedKey;
    if (!header.get(savedKey) || savedKey != key)
        return false;
    const std::size_t payloadStart = kMagic.size() + sizeof(std::uint32_t) + savedKey.size() + kHashLength;
    if (saved.size() < payloadStart)
        return false;
    const std::span<const std::uint8_t> payload = saved.subspan(payloadStart);
    const std::string_view savedHash(reinterpret_cast<const char*>(saved.data() + payloadStart - kHashLength),
                                     kHashLength);
    if (digestHex(payload) != savedHash)
        return false;
    const std::optional<SavedAtlas> parsed = parse(payload);
    if (!parsed)
        return false;

    // The custom rectangles (the white pixel, the baked lines) are registered here, as the
    // builder does before packing; their number must be what was saved.
    ImFontAtlasBuildInit(&atlas);
    if (parsed->customRects.size() != static_cast<std::size_t>(atlas.CustomRects.Size) ||
        parsed->fonts.size() != static_cast<std::size_t>(atlas.ConfigData.Size))
        return false;
    for (const ImFontConfig& config : atlas.ConfigData)
        if (config.MergeMode || !config.DstFont)
            return false; // not what the kiosk makes, and not what this restores

    atlas.TexID = nullptr;
    atlas.ClearTexData();
    atlas.TexWidth = static_cast<int>(parsed->width);
    atlas.TexHeight = static_cast<int>(parsed->height);
    atlas.TexUvScale =
        ImVec2(1.0f / static_cast<float>(atlas.TexWidth), 1.0f / static_cast<float>(atlas.TexHeight));
    atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(parsed->pixels.size()));
    std::memcpy(atlas.TexPixelsAlpha8, parsed->pixels.data(), parsed->pixels.size());
    for (int index = 0; index < atlas.CustomRects.Size; ++index) {
        atlas.CustomRects[index].X = parsed->customRects[static_cast<std::size_t>(index)].first;
        atlas.CustomRects[index].Y = parsed->customRects[static_cast<std::size_t>(index)].second;
    }
    for (int index = 0; index < atlas.ConfigData.Size; ++index) {
        ImFontConfig& config = atlas.ConfigData[index];
        const SavedFont& font = parsed->fonts[static_cast<std::size_t>(index)];
        ImFontAtlasBuildSetupFont(&atlas, config.DstFont, &config, font.ascent, font.descent);
        for (const SavedGlyph& glyph : font.glyphs)
            if (glyph.codepoint != '\t') // made from the space by ImFont::BuildLookupTable, as in a build
                config.DstFont->AddGlyph(nullptr, static_cast<ImWchar>(glyph.codepoint), glyph.x0, glyph.y0,
                                         glyph.x1, glyph.y1, glyph.u0, glyph.v0, glyph.u1, glyph.v1,
                                         glyph.advanceX);
    }
    ImFontAtlasBuildFinish(&atlas);
    return true;
}

} // namespace kiosk::ui
