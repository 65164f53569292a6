// Writes the kiosk's home screen as an HTML page with the same content and the same
// pictures (the category thumbnails, taken from the pack as they are), for the Chromium side
// of the cold-start benchmark. Laid out like kiosk/ui/HomeScreen.cpp: a header with the
// pack's title, a welcome line and the language buttons, then one picture tile per category.
//
//   bench-home-fixture PACK.kpack DIR     writes DIR/home.html and DIR/<image id>.jpg|png
//
// The page logs "first complete frame" to the console once its pictures and fonts are on
// screen; Chromium prints that on stderr with --enable-logging=stderr.
#include "pack/PackReader.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

std::string escaped(const std::string& text) {
    std::string result;
    for (const char character : text) {
        switch (character) {
        case '&':
            result += "&amp;";
            break;
        case '<':
            result += "&lt;";
            break;
        case '>':
            result += "&gt;";
            break;
        case '"':
            result += "&quot;";
            break;
        default:
            result += character;
        }
    }
    return result;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench-home-fixture PACK.kpack DIR\n");
        return 2;
    }
    const auto pack = kiosk::pack::PackReader::openFile(argv[1], KIOSK_VERSION_NUMBER);
    const std::filesystem::path folder = argv[2];
    std::filesystem::create_directories(folder);
    const auto& index = pack.index();
    const std::string& language = index.metadata.defaultLanguage;

    std::string title;
    std::string buttons;
    for (const auto& entry : index.languages) {
        if (entry.code == language)
            title = entry.packTitle;
        buttons += "<button" + std::string(entry.code == language ? " class=on" : "") + ">" +
                   escaped(entry.nativeName) + "</button>";
    }
    std::string tiles;
    for (const auto& category : index.categories) {
        const auto picture = pack.loadImage(category.imageId, kiosk::pack::ImageSize::Thumbnail);
        const std::string file =
            std::to_string(category.imageId) + (picture.mime == "image/png" ? ".png" : ".jpg");
        std::ofstream(folder / file, std::ios::binary)
            .write(reinterpret_cast<const char*>(picture.bytes.data()),
                   static_cast<std::streamsize>(picture.bytes.size()));
        tiles += "<a class=tile href=\"#" + escaped(category.id) + "\"><img src=\"" + file +
                 "\" alt=\"\"><span><b>" + escaped(category.title.in(language, language)) + "</b><small>" +
                 std::to_string(index.pagesIn(category.id).size()) + " trang</small></span></a>\n";
    }
    std::ofstream html(folder / "home.html");
    html << "<!doctype html><html lang=vi><head><meta charset=utf-8><title>" << escaped(title) << "</title>\n"
         << "<style>\n"
            "@font-face{font-family:Noto;src:url(NotoSans-Regular.ttf)}\n"
            "@font-face{font-family:Noto;font-weight:bold;src:url(NotoSans-Bold.ttf)}\n"
            "html,body{margin:0;height:100%;background:#faf5eb;font-family:Noto,sans-serif;overflow:hidden}\n"
            "header{height:120px;background:#0f5c57;color:#fff;display:flex;align-items:center;padding:0 "
            "24px}\n"
            "header div{flex:1}header h1{margin:0;font-size:40px}header p{margin:4px 0 "
            "0;color:#d2ece8;font-size:22px}\n"
            "button{font:inherit;font-size:20px;border-radius:24px;border:2px solid "
            "#fff;background:none;color:#fff;"
            "padding:8px 20px;margin-left:8px}button.on{background:#fff;color:#0f5c57}\n"
            "main{display:grid;grid-template-columns:repeat("
         << std::min<std::size_t>(4, index.categories.size())
         << ",1fr);gap:16px;padding:24px;height:calc(100% - 168px)}\n"
            ".tile{display:flex;flex-direction:column;border-radius:16px;overflow:hidden;background:#fff;"
            "box-shadow:0 4px 12px #0003;text-decoration:none}\n"
            ".tile img{flex:1;min-height:0;width:100%;object-fit:cover}\n"
            ".tile span{background:#e8833a;color:#fff;padding:12px 16px;display:flex;flex-direction:column}\n"
            ".tile b{font-size:28px}.tile small{font-size:18px;color:#fff4e6}\n"
            "</style></head><body>\n"
         << "<header><div><h1>" << escaped(title) << "</h1><p>Chạm vào một mục để xem</p></div>" << buttons
         << "</header>\n<main>\n"
         << tiles
         << "</main>\n"
         // The page's "first complete frame", for bench-measure --mark: every picture loaded
         // (load), the fonts too, then the frame after next has painted them.
         << "<script>addEventListener('load', () => document.fonts.ready.then(() => requestAnimationFrame(\n"
            "  () => requestAnimationFrame(() => console.log('first complete frame')))));</script>\n"
            "</body></html>\n";
    std::printf("wrote %s/home.html with %zu tiles\n", folder.c_str(), index.categories.size());
    return 0;
}
