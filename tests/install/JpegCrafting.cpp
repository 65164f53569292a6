#include "JpegCrafting.hpp"

#include <cstdio> // jpeglib.h uses FILE and size_t without including their headers
#include <cstdlib>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>

#include <jpeglib.h>

namespace kiosk::install::test {

namespace {

struct CompressorDestroyer {
    void operator()(jpeg_compress_struct* info) const { jpeg_destroy_compress(info); }
};
// jpeg_mem_dest's buffer: malloc'd, grown by libjpeg as it writes, left for us to free.
struct OutputBuffer {
    unsigned char* bytes = nullptr;
    unsigned long length = 0;
    OutputBuffer() = default;
    OutputBuffer(const OutputBuffer&) = delete;
    OutputBuffer& operator=(const OutputBuffer&) = delete;
    ~OutputBuffer() { std::free(bytes); }
};

// Only a bug in this file makes libjpeg fail here. Exceptions must not unwind through its C
// frames, so it stops the test program.
[[noreturn]] void stopOnError(j_common_ptr info) {
    char message[JMSG_LENGTH_MAX];
    (*info->err->format_message)(info, message);
    std::fprintf(stderr, "cannot write test JPEG: %s\n", message);
    std::abort();
}

// The script: scan 0 holds every component's DC coefficient, then component c's 63 AC
// coefficients in bandsOf[c] bands of nearly equal width.
std::vector<jpeg_scan_info> scriptOf(int scans) {
    const int bands = scans - 1;
    std::vector<jpeg_scan_info> script(static_cast<std::size_t>(scans));
    script[0] = jpeg_scan_info{3, {0, 1, 2, 0}, 0, 0, 0, 0};
    std::size_t next = 1;
    for (int component = 0; component < 3; ++component) {
        const int bandsHere = bands / 3 + (component < bands % 3 ? 1 : 0);
        int first = 1;
        for (int band = 0; band < bandsHere; ++band) {
            const int width = (63 - first + 1) / (bandsHere - band);
            script[next++] = jpeg_scan_info{1, {component, 0, 0, 0}, first, first + width - 1, 0, 0};
            first += width;
        }
    }
    return script;
}

} // namespace

std::vector<std::uint8_t> progressiveNoiseJpeg(int width, int height, int scans, std::uint32_t seed) {
    if (scans < 4 || scans > kMostCraftedJpegScans)
        throw std::invalid_argument("progressiveNoiseJpeg: scans must be 4 to 190");
    std::mt19937 random(seed);
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
    for (std::uint8_t& sample : pixels)
        sample = static_cast<std::uint8_t>(random());

    OutputBuffer output;
    jpeg_compress_struct info{};
    jpeg_error_mgr errors{};
    info.err = jpeg_std_error(&errors);
    errors.error_exit = stopOnError;
    jpeg_CreateCompress(&info, JPEG_LIB_VERSION, sizeof info);
    const std::unique_ptr<jpeg_compress_struct, CompressorDestroyer> owner(&info);
    jpeg_mem_dest(&info, &output.bytes, &output.length);
    info.image_width = static_cast<JDIMENSION>(width);
    info.image_height = static_cast<JDIMENSION>(height);
    info.input_components = 3;
    info.in_color_space = JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, 90, TRUE);
    for (int component = 0; component < 3; ++component) {
        info.comp_info[component].h_samp_factor = 1;
        info.comp_info[component].v_samp_factor = 1;
    }
    const std::vector<jpeg_scan_info> script = scriptOf(scans);
    info.scan_info = script.data();
    info.num_scans = scans;
    jpeg_start_compress(&info, TRUE);
    const std::size_t stride = static_cast<std::size_t>(width) * 3;
    while (info.next_scanline < info.image_height) {
        JSAMPROW row = pixels.data() + stride * info.next_scanline;
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    return std::vector<std::uint8_t>(output.bytes, output.bytes + output.length);
}

} // namespace kiosk::install::test
