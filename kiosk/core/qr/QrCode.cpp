#include "qr/QrCode.hpp"

#include <cerrno>
#include <memory>
#include <qrencode.h>
#include <string>

namespace kiosk::qr {

namespace {

struct QrCodeFreer {
    void operator()(QRcode* code) const { QRcode_free(code); }
};
using QrCodeHandle = std::unique_ptr<QRcode, QrCodeFreer>;

} // namespace

QrMatrix encodeQr(std::string_view text) {
    if (text.empty())
        throw QrError("nothing to put in a QR code");
    if (text.size() > kMaximumTextBytes)
        throw QrError("a QR code on the kiosk holds at most " + std::to_string(kMaximumTextBytes) +
                      " bytes; this text has " + std::to_string(text.size()));
    if (text.find('\0') != std::string_view::npos)
        throw QrError("the text for a QR code holds a NUL byte");
    // libqrencode wants a NUL-terminated string.
    const std::string terminated(text);
    errno = 0;
    const QrCodeHandle code(QRcode_encodeString(terminated.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code)
        throw QrError(std::string("libqrencode cannot encode the text: ") + (errno == ERANGE ? "too long"
                                                                             : errno == ENOMEM
                                                                                 ? "out of memory"
                                                                                 : "invalid input"));
    if (code->width < 21 || code->width > 177)
        throw QrError("libqrencode returned a code of impossible size " + std::to_string(code->width));

    QrMatrix matrix;
    matrix.size = code->width;
    matrix.version = code->version;
    const std::size_t count = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
    matrix.modules.resize(count);
    // Bit 0 of each byte is the module's colour; the other bits describe what the module is for.
    for (std::size_t index = 0; index < count; ++index)
        matrix.modules[index] = code->data[index] & 1u;
    return matrix;
}

} // namespace kiosk::qr
