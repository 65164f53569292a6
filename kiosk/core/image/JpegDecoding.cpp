#include "image/JpegDecoding.hpp"

#include <csetjmp>
#include <cstddef>
#include <cstdio> // jpeglib.h uses FILE and size_t without including their headers
#include <string>
#include <vector>

#include <jpeglib.h>

#include <jerror.h> // after jpeglib.h, which it needs

namespace kiosk::image {

namespace {

// One decode. libjpeg reports an error by calling error_exit, which must not return; ours
// longjmps back to `jump`. Everything a longjmp could skip the destructor of lives here, in
// the caller's frame, and the frames between setjmp and longjmp (guarded's, its step's and
// libjpeg's) own nothing.
struct Decoder {
    jpeg_decompress_struct info{};
    jpeg_error_mgr errors{};
    jpeg_progress_mgr progress{};
    std::jmp_buf jump{};
    char message[JMSG_LENGTH_MAX + 64] = {};
    bool tooCostly = false; // the error is a limit on the work, not damage

    Decoder() = default;
    Decoder(const Decoder&) = delete;
    Decoder& operator=(const Decoder&) = delete;
    // Safe on a decoder whose create failed: jpeg_destroy skips a missing memory manager.
    ~Decoder() { jpeg_destroy_decompress(&info); }
};

Decoder& decoderOf(j_common_ptr info) {
    return *static_cast<Decoder*>(info->client_data);
}

[[noreturn]] void fail(Decoder& decoder, const char* why, bool tooCostly = false) {
    decoder.tooCostly = tooCostly;
    std::snprintf(decoder.message, sizeof decoder.message, "%s", why);
    std::longjmp(decoder.jump, 1);
}

[[noreturn]] void jumpOnError(j_common_ptr info) {
    Decoder& decoder = decoderOf(info);
    (*info->err->format_message)(info, decoder.message);
    // With max_memory_to_use set, libjpeg asks for a backing store (a temporary file) when
    // a picture needs more; there is none, by design.
    decoder.tooCostly = info->err->msg_code == JERR_NO_BACKING_STORE;
    std::longjmp(decoder.jump, 1);
}

// Level -1 is a warning: corrupt data that libjpeg would fill in and go on. Levels 0 and up
// are trace messages, off by default.
void jumpOnWarning(j_common_ptr info, int level) {
    if (level < 0)
        jumpOnError(info);
}

static_assert(kMaximumJpegScans == 100, "the message in limitScans names the limit");

// Called at least once per row of blocks while the scans are read in.
void limitScans(j_common_ptr info) {
    const auto* decompress = reinterpret_cast<j_decompress_ptr>(info);
    if (decompress->input_scan_number > kMaximumJpegScans) {
        fail(decoderOf(info), "more than 100 scans (a progressive file made to be slow to decode)", true);
    }
}

template <typename Step> void guarded(Decoder& decoder, Step&& step) {
    if (setjmp(decoder.jump) != 0) {
        const std::string message = std::string("cannot decode picture: ") + decoder.message;
        if (decoder.tooCostly)
            throw ImageTooCostlyError(message);
        throw ImageError(message);
    }
    step();
}

// Creates the decompressor and reads the header.
void openJpeg(Decoder& decoder, std::span<const std::uint8_t> bytes) {
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
        throw ImageError("picture file too large");
    decoder.info.err = jpeg_std_error(&decoder.errors);
    decoder.errors.error_exit = jumpOnError;
    decoder.errors.emit_message = jumpOnWarning;
    decoder.info.client_data = &decoder; // kept by jpeg_create_decompress, as err is
    guarded(decoder, [&decoder, bytes] {
        // jpeg_create_decompress, without the macro's C cast.
        jpeg_CreateDecompress(&decoder.info, JPEG_LIB_VERSION, sizeof decoder.info);
        decoder.progress.progress_monitor = limitScans;
        decoder.info.progress = &decoder.progress;
        jpeg_mem_src(&decoder.info, bytes.data(), static_cast<unsigned long>(bytes.size()));
        jpeg_read_header(&decoder.info, TRUE);
    });
}

ImageHeader headerOf(const jpeg_decompress_struct& info) {
    ImageHeader header;
    header.width = static_cast<int>(info.image_width);
    header.height = static_cast<int>(info.image_height);
    header.channels = info.num_components;
    header.mime = "image/jpeg";
    return header;
}

// Checks the header against `limits` and starts decompressing to RGBA. For a progressive file
// this reads every scan into the coefficient buffer.
void startDecoding(Decoder& decoder, const ImageLimits& limits) {
    jpeg_decompress_struct& info = decoder.info;
    const ImageHeader header = headerOf(info);
    if (header.width <= 0 || header.height <= 0 || header.width > limits.maximumSide ||
        header.height > limits.maximumSide ||
        static_cast<std::uint64_t>(header.width) * static_cast<std::uint64_t>(header.height) >
            limits.maximumPixels)
        throw ImageError("picture is " + std::to_string(header.width) + "x" + std::to_string(header.height) +
                         ", larger than the limit of " + std::to_string(limits.maximumSide) +
                         " pixels a side");
    if (info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK)
        throw ImageError("cannot decode picture: a CMYK JPEG (save it as RGB)");
    if (info.num_components != 1 && info.num_components != 3)
        throw ImageError("cannot decode picture: a JPEG with " + std::to_string(info.num_components) +
                         " colour components (only grey or colour pictures)");
    info.out_color_space = JCS_EXT_RGBA;
    // The largest thing libjpeg allocates is a progressive file's coefficient buffer: two bytes
    // per sample of each component, the picture padded to whole 8x8 blocks at the largest
    // (2x2) chroma subsampling. Anything more is not a picture of this size.
    const std::size_t paddedWidth = (static_cast<std::size_t>(header.width) + 15) / 16 * 16;
    const std::size_t paddedHeight = (static_cast<std::size_t>(header.height) + 15) / 16 * 16;
    info.mem->max_memory_to_use =
        static_cast<long>(paddedWidth * paddedHeight * 3 * sizeof(JCOEF) + std::size_t{4} * 1024 * 1024);
    guarded(decoder, [&info] { jpeg_start_decompress(&info); });
    if (info.output_width != info.image_width || info.output_height != info.image_height ||
        info.output_components != 4)
        throw ImageError("cannot decode picture: unexpected decoded size");
}

// Reads every row, the i-th into rowAt(i), then the rest of the file up to its end marker.
template <typename RowAt> void readRows(Decoder& decoder, RowAt rowAt) {
    jpeg_decompress_struct& info = decoder.info;
    guarded(decoder, [&info, &rowAt] {
        while (info.output_scanline < info.output_height) {
            JSAMPROW row = rowAt(info.output_scanline);
            if (jpeg_read_scanlines(&info, &row, 1) != 1)
                fail(decoderOf(reinterpret_cast<j_common_ptr>(&info)), "the rows stop early");
        }
        jpeg_finish_decompress(&info);
    });
}

} // namespace

ImageHeader readJpegHeader(std::span<const std::uint8_t> bytes) {
    Decoder decoder;
    openJpeg(decoder, bytes);
    return headerOf(decoder.info);
}

RgbaImage decodeJpeg(std::span<const std::uint8_t> bytes, const ImageLimits& limits) {
    Decoder decoder;
    openJpeg(decoder, bytes);
    startDecoding(decoder, limits);
    RgbaImage image;
    image.width = static_cast<int>(decoder.info.output_width);
    image.height = static_cast<int>(decoder.info.output_height);
    const std::size_t stride = static_cast<std::size_t>(image.width) * 4;
    image.pixels.resize(stride * static_cast<std::size_t>(image.height));
    std::uint8_t* const pixels = image.pixels.data();
    readRows(decoder, [pixels, stride](JDIMENSION y) { return pixels + stride * y; });
    return image;
}

void checkJpegDecodes(std::span<const std::uint8_t> bytes, const ImageLimits& limits) {
    Decoder decoder;
    openJpeg(decoder, bytes);
    startDecoding(decoder, limits);
    std::vector<std::uint8_t> row(static_cast<std::size_t>(decoder.info.output_width) * 4);
    std::uint8_t* const rowPixels = row.data();
    readRows(decoder, [rowPixels](JDIMENSION) { return rowPixels; });
}

} // namespace kiosk::image
