// QR codes for source links: the matrix has the size and finder patterns the specification
// demands, and a PNG drawn from it decodes (with zbarimg, from zbar-tools) back to the link.
#ifdef KIOSK_HAVE_QR

#include "builder_test_source_tree.hpp"
#include "image/ImageCodec.hpp"
#include "qr/QrCode.hpp"

#include <array>
#include <cstdio>
#include <doctest/doctest.h>
#include <memory>
#include <optional>

using namespace kiosk;

namespace {

// The 7×7 finder pattern: a dark ring, a light ring, a dark 3×3 centre.
bool hasFinderAt(const qr::QrMatrix& matrix, int left, int top) {
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (matrix.isDark(left + x, top + y) != (ring || centre))
                return false;
        }
    return true;
}

// Draws the matrix black on white, `scale` pixels a module, quiet zone included.
image::RgbaImage render(const qr::QrMatrix& matrix, int scale) {
    image::RgbaImage picture;
    picture.width = picture.height = matrix.sizeWithQuietZone() * scale;
    picture.pixels.assign(
        static_cast<std::size_t>(picture.width) * static_cast<std::size_t>(picture.height) * 4, 255);
    for (int y = 0; y < picture.height; ++y)
        for (int x = 0; x < picture.width; ++x)
            if (matrix.isDark(x / scale - matrix.quietZone, y / scale - matrix.quietZone)) {
                std::uint8_t* pixel =
                    &picture
                         .pixels[(static_cast<std::size_t>(y) * static_cast<std::size_t>(picture.width) + x) *
                                 4];
                pixel[0] = pixel[1] = pixel[2] = 0;
            }
    return picture;
}

struct PipeCloser {
    void operator()(FILE* pipe) const { pclose(pipe); }
};

// What zbarimg reads from `png`, or nothing when zbarimg is not installed.
std::optional<std::string> decodeWithZbar(const std::filesystem::path& png) {
    if (std::system("command -v zbarimg >/dev/null 2>&1") != 0)
        return std::nullopt;
    const std::string command =
        "zbarimg --quiet --raw -Sdisable -Sqrcode.enable '" + png.string() + "' 2>/dev/null";
    const std::unique_ptr<FILE, PipeCloser> pipe(popen(command.c_str(), "r"));
    REQUIRE(pipe);
    std::string output;
    std::array<char, 256> buffer{};
    while (const std::size_t count = std::fread(buffer.data(), 1, buffer.size(), pipe.get()))
        output.append(buffer.data(), count);
    while (!output.empty() && output.back() == '\n')
        output.pop_back();
    return output;
}

} // namespace

TEST_CASE("qr: a link becomes a square matrix with three finder patterns") {
    const std::string link = "https://msdvietnam.org/trang-chu/lnob-viet-nam/";
    const qr::QrMatrix matrix = qr::encodeQr(link);
    // 47 bytes at level M: version 4 (version 3 holds only 42 bytes), 33 modules a side.
    CHECK(link.size() == 47);
    CHECK(matrix.version == 4);
    CHECK(matrix.size == 33);
    CHECK(matrix.size == 17 + 4 * matrix.version);
    CHECK(matrix.modules.size() == 33u * 33u);
    CHECK(matrix.quietZone == 4);
    CHECK(matrix.sizeWithQuietZone() == 41);
    CHECK(hasFinderAt(matrix, 0, 0));
    CHECK(hasFinderAt(matrix, matrix.size - 7, 0));
    CHECK(hasFinderAt(matrix, 0, matrix.size - 7));
    CHECK_FALSE(hasFinderAt(matrix, matrix.size - 7, matrix.size - 7));
    // Timing patterns: alternating modules between the finders, on row 6 and column 6.
    for (int index = 8; index < matrix.size - 8; ++index) {
        CHECK(matrix.isDark(index, 6) == (index % 2 == 0));
        CHECK(matrix.isDark(6, index) == (index % 2 == 0));
    }
    // The dark module every QR code has beside the lower-left finder.
    CHECK(matrix.isDark(8, matrix.size - 8));
    CHECK_FALSE(matrix.isDark(-1, 0));
    CHECK_FALSE(matrix.isDark(0, matrix.size));
}

TEST_CASE("qr: longer texts take larger versions, up to the limit") {
    const qr::QrMatrix small = qr::encodeQr("http://a.vn");
    CHECK(small.version == 1);
    CHECK(small.size == 21);
    const qr::QrMatrix large =
        qr::encodeQr("https://example.org/" + std::string(qr::kMaximumTextBytes - 20, 'x'));
    CHECK(large.version > 10);
    CHECK(large.size == 17 + 4 * large.version);
}

TEST_CASE("qr: texts a kiosk should not encode are refused") {
    CHECK_THROWS_AS(qr::encodeQr(""), qr::QrError);
    CHECK_THROWS_WITH_AS(qr::encodeQr(std::string(qr::kMaximumTextBytes + 1, 'a')),
                         doctest::Contains("at most 300 bytes"), qr::QrError);
    CHECK_THROWS_AS(qr::encodeQr(std::string("http://a\0b", 10)), qr::QrError);
}

TEST_CASE("qr: the drawn code decodes back to the link with zbarimg") {
    const builder::test::TemporaryDirectory folder;
    for (const std::string link :
         {"https://msdvietnam.org/trang-chu/lnob-viet-nam/", "http://www.ngocentre.org.vn/emwg",
          "https://example.org/tin-tuc?id=42&lang=vie#muc-2"}) {
        CAPTURE(link);
        const std::filesystem::path png = folder.path() / "code.png";
        builder::test::writeBytes(png, image::encodePng(render(qr::encodeQr(link), 6)));
        const std::optional<std::string> decoded = decodeWithZbar(png);
        if (!decoded) {
            MESSAGE("zbarimg is not installed (apt-get install zbar-tools): decoding not checked");
            return;
        }
        CHECK(*decoded == link);
    }
}

TEST_CASE("qr: a damaged drawing does not decode to the link") {
    // Proves the decoding check can fail: without its finder patterns zbarimg finds nothing.
    const builder::test::TemporaryDirectory folder;
    qr::QrMatrix matrix = qr::encodeQr("https://msdvietnam.org/");
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x) {
            matrix.modules[static_cast<std::size_t>(y * matrix.size + x)] = 0;
            matrix.modules[static_cast<std::size_t>((matrix.size - 1 - y) * matrix.size + x)] = 0;
        }
    const std::filesystem::path png = folder.path() / "broken.png";
    builder::test::writeBytes(png, image::encodePng(render(matrix, 6)));
    const std::optional<std::string> decoded = decodeWithZbar(png);
    if (decoded)
        CHECK(*decoded != "https://msdvietnam.org/");
}

#endif // KIOSK_HAVE_QR
