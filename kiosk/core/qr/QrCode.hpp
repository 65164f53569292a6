// QR codes for source links, so a visitor with a phone can take a page's link home.
// Only the module matrix is made here; the UI draws it (and a test renders it to a PNG).
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace kiosk::qr {

class QrError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Longer texts give codes too dense for a phone camera to read off a kiosk screen at arm's
// length; a link longer than this belongs on paper.
inline constexpr std::size_t kMaximumTextBytes = 300;
// The light margin, in modules, the QR specification requires on every side.
inline constexpr int kQuietZoneModules = 4;

struct QrMatrix {
    int size = 0;                      // modules per side, without the quiet zone (21, 25, 29...)
    int quietZone = kQuietZoneModules; // light modules to leave around it when drawing
    int version = 0;                   // 1..40
    std::vector<std::uint8_t> modules; // size * size, row by row from the top; 1 = dark

    bool isDark(int x, int y) const {
        return x >= 0 && y >= 0 && x < size && y < size &&
               modules[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) +
                       static_cast<std::size_t>(x)] != 0;
    }
    // Modules per side including the quiet zone on both sides: divide the space to draw in by this.
    int sizeWithQuietZone() const { return size + 2 * quietZone; }
};

// Encodes `text` (UTF-8, e.g. a URL) as bytes with error correction level M (15% of the code
// may be smudged or covered), in the smallest version that holds it. Throws QrError for
// empty text, text with a NUL byte, text over kMaximumTextBytes, or an encoder failure.
// Takes well under a millisecond for a link: call it when a page opens, not every frame.
QrMatrix encodeQr(std::string_view text);

} // namespace kiosk::qr
