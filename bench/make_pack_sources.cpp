// Writes pack source folders for the benchmarks, which kiosk-pack then builds:
//
//   bench-make-sources photos DIR   one page with six photos (a cover and five in the
//                                   gallery), 1920x1280, for tap-to-pictures
//   bench-make-sources large DIR    500 pages and 2,000 pictures in 10 categories, for
//                                   pack open time and memory
//
// The "photos" are noise over gradients and shapes, so that JPEG has as much work (and as
// many bytes) as with a real photo; a flat colour would decode unrealistically fast.
#include "image/ImageCodec.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace {

using kiosk::image::RgbaImage;

RgbaImage photoLike(int width, int height, std::uint32_t seed) {
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> noise(-18, 18);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const double hue = unit(random) * 6.28;
    const double centreX = unit(random) * width, centreY = unit(random) * height;
    const double radius = (0.15 + 0.3 * unit(random)) * std::min(width, height);
    RgbaImage image;
    image.width = width;
    image.height = height;
    image.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const double sky = static_cast<double>(y) / height;
            const double distance = std::hypot(x - centreX, y - centreY);
            const double inDisc = distance < radius ? 1.0 : 0.0;
            const double ripple = 0.5 + 0.5 * std::sin(x * 0.05 + y * 0.03 + hue);
            std::uint8_t* pixel =
                &image.pixels[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                               static_cast<std::size_t>(x)) *
                              4];
            const double base[3] = {120 + 80 * std::sin(hue) * sky + 40 * ripple,
                                    140 - 60 * sky + 30 * inDisc,
                                    90 + 100 * (1 - sky) * std::cos(hue) - 50 * inDisc};
            for (int channel = 0; channel < 3; ++channel)
                pixel[channel] =
                    static_cast<std::uint8_t>(std::clamp(base[channel] + noise(random), 0.0, 255.0));
            pixel[3] = 255;
        }
    }
    return image;
}

void writeText(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

void writePhoto(const std::filesystem::path& file, int width, int height, std::uint32_t seed) {
    std::filesystem::create_directories(file.parent_path());
    const std::vector<std::uint8_t> jpeg = kiosk::image::encodeJpeg(photoLike(width, height, seed), 85);
    std::ofstream(file, std::ios::binary)
        .write(reinterpret_cast<const char*>(jpeg.data()), static_cast<std::streamsize>(jpeg.size()));
}

const char* packHeader = "version: 1\n"
                         "min-kiosk-version: 1\n"
                         "publisher: Ủy ban nhân dân xã Thử Nghiệm\n"
                         "created: 2024-06-01\n"
                         "default-language: vie\n"
                         "languages: vie, eng\n"
                         "name.vie: Tiếng Việt\n"
                         "name.eng: English\n";

const char* vietnameseParagraph =
    "Chương trình hỗ trợ bà con dân tộc thiểu số phát triển sinh kế bền vững, "
    "nâng cao thu nhập và tiếp cận các dịch vụ công. Mọi người dân đều được tham gia ý kiến.";

void makePhotos(const std::filesystem::path& folder) {
    writeText(folder / "pack.txt", std::string("id: bench.photos\n") + packHeader +
                                       "title.vie: Ảnh của xã\ntitle.eng: Commune photos\n");
    writeText(folder / "categories.txt",
              "id: photos\nimage: category.jpg\ntitle.vie: Hình ảnh\ntitle.eng: Photos\n");
    writePhoto(folder / "images" / "category.jpg", 1200, 900, 1);
    std::string gallery;
    for (int index = 1; index <= 6; ++index) {
        const std::string name = "photo-" + std::to_string(index) + ".jpg";
        writePhoto(folder / "images" / name, 1920, 1280, static_cast<std::uint32_t>(100 + index));
        if (index > 1)
            gallery += (gallery.empty() ? "" : ", ") + name;
    }
    writeText(folder / "vie" / "six-photos.txt",
              std::string("title: Ngày hội văn hóa của xã\nsummary: Sáu bức ảnh.\ncategory: photos\n"
                          "cover: photo-1.jpg\ngallery: ") +
                  gallery + "\nfeatured: yes\n---\n# Ngày hội\n" + vietnameseParagraph + "\n");
    writeText(folder / "eng" / "six-photos.txt",
              "title: The commune's culture day\nsummary: Six photos.\n---\n"
              "A day of music and food.\n");
}

void makeLarge(const std::filesystem::path& folder) {
    constexpr int categories = 10, pages = 500, picturesPerPage = 4, side = 640;
    writeText(folder / "pack.txt", std::string("id: bench.large\n") + packHeader +
                                       "title.vie: Gói lớn\ntitle.eng: A large pack\n");
    std::string categoryText;
    for (int category = 0; category < categories; ++category) {
        const std::string id = "category-" + std::to_string(category);
        categoryText += "id: " + id + "\nimage: page-" + std::to_string(category) +
                        "-1.jpg\ntitle.vie: Mục " + std::to_string(category + 1) + "\ntitle.eng: Section " +
                        std::to_string(category + 1) + "\n\n";
    }
    writeText(folder / "categories.txt", categoryText);
    std::uint32_t seed = 1000;
    for (int page = 0; page < pages; ++page) {
        const std::string id = "page-" + std::to_string(page);
        std::string gallery;
        for (int picture = 1; picture <= picturesPerPage; ++picture) {
            const std::string name = id + "-" + std::to_string(picture) + ".jpg";
            writePhoto(folder / "images" / name, side, side * 3 / 4, seed++);
            if (picture > 1)
                gallery += (gallery.empty() ? "" : ", ") + name;
        }
        std::string body;
        for (int paragraph = 0; paragraph < 6; ++paragraph)
            body += std::string(vietnameseParagraph) + "\n\n";
        writeText(folder / "vie" / (id + ".txt"),
                  "title: Trang số " + std::to_string(page + 1) + "\nsummary: Thông tin về chương trình số " +
                      std::to_string(page + 1) + ".\ncategory: category-" +
                      std::to_string(page % categories) + "\norder: " + std::to_string(page) +
                      "\ncover: " + id + "-1.jpg\ngallery: " + gallery +
                      "\nfeatured: " + (page % 50 == 0 ? "yes" : "no") + "\n---\n# Nội dung\n" + body);
        writeText(folder / "eng" / (id + ".txt"), "title: Page " + std::to_string(page + 1) +
                                                      "\n---\nInformation about programme " +
                                                      std::to_string(page + 1) + ".\n");
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3 || (std::string(argv[1]) != "photos" && std::string(argv[1]) != "large")) {
        std::fprintf(stderr, "usage: bench-make-sources photos|large DIR\n");
        return 2;
    }
    const std::filesystem::path folder = argv[2];
    std::filesystem::remove_all(folder);
    if (std::string(argv[1]) == "photos")
        makePhotos(folder);
    else
        makeLarge(folder);
    std::printf("wrote %s\n", folder.c_str());
    return 0;
}
