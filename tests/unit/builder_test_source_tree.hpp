// Test helpers for the pack builder: a temporary folder that cleans up after itself, and a
// small but complete pack source (three categories, an article, a meeting, a programme, two
// languages, PNG and JPEG pictures) that each test can then break in one place.
#pragma once

#include "builder/PackBuilder.hpp"
#include "image/ImageCodec.hpp"
#include "pack/PackReader.hpp"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace kiosk::builder::test {

class TemporaryDirectory {
  public:
    TemporaryDirectory() {
        static std::atomic<unsigned> counter{0};
        std::random_device random;
        path_ = std::filesystem::temp_directory_path() /
                ("kiosk-builder-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
                 std::to_string(random()));
        std::filesystem::create_directories(path_);
    }
    TemporaryDirectory(const TemporaryDirectory&) = delete;
    TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
    ~TemporaryDirectory() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

inline void writeBytes(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

inline void writeText(const std::filesystem::path& path, std::string_view text) {
    writeBytes(path, std::vector<std::uint8_t>(text.begin(), text.end()));
}

inline std::vector<std::uint8_t> readBytes(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

// A smooth gradient with a diagonal stripe: compresses like a photo, not like a flat colour.
inline image::RgbaImage makeTestImage(int width, int height) {
    image::RgbaImage picture;
    picture.width = width;
    picture.height = height;
    picture.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            std::uint8_t* pixel = &picture.pixels[(static_cast<std::size_t>(y) * width + x) * 4];
            pixel[0] = static_cast<std::uint8_t>(x * 255 / std::max(1, width - 1));
            pixel[1] = static_cast<std::uint8_t>(y * 255 / std::max(1, height - 1));
            pixel[2] = (x + y) % 40 < 20 ? 200 : 40;
            pixel[3] = 255;
        }
    return picture;
}

inline std::string joinedProblems(const BuildResult& result) {
    std::ostringstream text;
    for (const std::string& problem : result.problems)
        text << problem << '\n';
    return text.str();
}

// True when one of the build's problems holds `text`.
inline bool mentions(const BuildResult& result, const std::string& text) {
    return joinedProblems(result).find(text) != std::string::npos;
}

class SourceTree {
  public:
    SourceTree() {
        writeText("pack.txt", "id: vn.test.pack\n"
                              "version: 3\n"
                              "min-kiosk-version: 1\n"
                              "publisher: Ủy ban nhân dân xã Thử\n"
                              "created: 2026-01-15\n"
                              "default-language: vie\n"
                              "languages: vie, eng\n"
                              "name.vie: Tiếng Việt\n"
                              "name.eng: English\n"
                              "title.vie: Thông tin xã\n"
                              "title.eng: Commune information\n");
        writeText("categories.txt", "# Home screen tiles, in order\n"
                                    "id: policies\n"
                                    "image: category-policies.png\n"
                                    "title.vie: Chính sách\n"
                                    "title.eng: Policies\n"
                                    "\n"
                                    "id: programmes\n"
                                    "image: category-policies.png\n"
                                    "title.vie: Chương trình\n"
                                    "title.eng: Programmes\n"
                                    "\n"
                                    "id: meetings\n"
                                    "image: category-meetings.jpg\n"
                                    "title.vie: Cuộc họp\n");
        writeBytes("images/category-policies.png", image::encodePng(makeTestImage(64, 48)));
        writeBytes("images/category-meetings.jpg", image::encodeJpeg(makeTestImage(40, 30), 90));
        writeBytes("images/cover.png", image::encodePng(makeTestImage(120, 80)));
        writeBytes("images/gallery-a.jpg", image::encodeJpeg(makeTestImage(90, 60), 90));
        writeBytes("images/gallery-b.png", image::encodePng(makeTestImage(30, 50)));
        writeBytes("images/unused.png", image::encodePng(makeTestImage(10, 10)));
        writeText("vie/health.txt", "title: Bảo hiểm y tế\n"                                   // 1
                                    "summary: Thẻ bảo hiểm y tế cho người dân tộc thiểu số.\n" // 2
                                    "category: policies\n"                                     // 3
                                    "order: 2\n"                                               // 4
                                    "kind: article\n"                                          // 5
                                    "cover: cover.png\n"                                       // 6
                                    "gallery: gallery-a.jpg, gallery-b.png\n"                  // 7
                                    "caption.1: Thẻ bảo hiểm\n"                                // 8
                                    "caption.2: Trạm y tế xã\n"                                // 9
                                    "featured: yes\n"                                          // 10
                                    "source: https://example.org/bhyt\n"                       // 11
                                    "---\n"                                                    // 12
                                    "# Ai được cấp thẻ?\n"                                     // 13
                                    "Người dân tộc thiểu số\n"                                 // 14
                                    "sống ở vùng khó khăn.\n"                                  // 15
                                    "\n"                                                       // 16
                                    "- Trẻ em dưới 6 tuổi\n"                                   // 17
                                    "* Người cao tuổi\n"                                       // 18
                                    "• Hộ nghèo\n"                                             // 19
                                    "\n"                                                       // 20
                                    "## Đăng ký ở đâu?\n"                                      // 21
                                    "Tại trạm y tế xã.\n");                                    // 22
        writeText("vie/meeting.txt", "title: Họp dân tháng 6\n"
                                     "summary: Họp bàn về đường liên thôn.\n"
                                     "category: meetings\n"
                                     "order: 1\n"
                                     "kind: meeting\n"
                                     "cover: cover.png\n"
                                     "starts: 2026-06-16 14:00\n"
                                     "ends: 2026-06-16 17:00\n"
                                     "place: Nhà văn hóa thôn 3\n"
                                     "organiser: UBND xã\n"
                                     "---\n"
                                     "Mời bà con đến dự.\n");
        writeText("vie/programme.txt", "title: Chương trình 135\n"
                                       "summary: Hỗ trợ các xã đặc biệt khó khăn.\n"
                                       "category: programmes\n"
                                       "kind: programme\n"
                                       "cover: gallery-b.png\n"
                                       "period-start: 2017\n"
                                       "period-end: 2021-12\n"
                                       "provinces: Hà Giang, Hòa Bình\n"
                                       "partners: CARE\n"
                                       "---\n"
                                       "Hỗ trợ phát triển sản xuất.\n");
        writeText("eng/health.txt", "title: Health insurance\n"
                                    "summary: Health insurance cards for ethnic minority people.\n"
                                    "caption.1: The insurance card\n"
                                    "---\n"
                                    "# Who gets a card?\n"
                                    "Ethnic minority people.\n");
        writeText("eng/meeting.txt", "title: Village meeting in June\n"
                                     "place: Cultural house, hamlet 3\n"
                                     "---\n"
                                     "Everyone is welcome.\n");
    }

    const std::filesystem::path& root() const { return source_.path(); }
    std::filesystem::path output() const { return output_.path() / "test.kpack"; }
    const std::filesystem::path& outputFolder() const { return output_.path(); }
    // How diagnostics name a source file.
    std::string shown(const std::string& relative) const { return (root() / relative).string(); }

    void writeText(const std::string& relative, std::string_view text) const {
        test::writeText(root() / relative, text);
    }
    void writeBytes(const std::string& relative, const std::vector<std::uint8_t>& bytes) const {
        test::writeBytes(root() / relative, bytes);
    }
    void remove(const std::string& relative) const { std::filesystem::remove_all(root() / relative); }
    // Replaces the first occurrence of `from` in a source file.
    void replaceIn(const std::string& relative, const std::string& from, const std::string& to) const {
        const std::vector<std::uint8_t> bytes = readBytes(root() / relative);
        std::string text(bytes.begin(), bytes.end());
        const std::size_t found = text.find(from);
        if (found == std::string::npos)
            throw std::logic_error("'" + from + "' is not in " + relative);
        text.replace(found, from.size(), to);
        writeText(relative, text);
    }

    BuildResult build() const { return build(output()); }
    BuildResult build(const std::filesystem::path& output) const {
        return buildPack(BuildOptions{root(), output, defaultFontFiles()});
    }

  private:
    TemporaryDirectory source_;
    TemporaryDirectory output_;
};

// The pack the source was last built into, opened by the kiosk's reader (any kiosk version).
inline pack::PackReader openBuiltPack(const SourceTree& source) {
    return pack::PackReader::openFile(source.output(), std::numeric_limits<std::int64_t>::max());
}

// The test source's article told as three story cards, in both languages.
inline void addStoryCards(const SourceTree& source) {
    source.replaceIn("vie/health.txt", "featured: yes\n",
                     "featured: yes\n"
                     "cards: cover.png, gallery-a.jpg, gallery-b.png\n"
                     "card.1: Người dân tộc thiểu số được cấp thẻ bảo hiểm y tế.\n"
                     "card.2: Trẻ em dưới 6 tuổi cũng được cấp thẻ.\n"
                     "card.3: Bà con đăng ký tại trạm y tế xã.\n");
    source.replaceIn("eng/health.txt", "---\n",
                     "card.1: Ethnic minority people get a health insurance card.\n"
                     "card.2: Children under 6 get a card too.\n"
                     "card.3: Register at the commune health station.\n"
                     "---\n");
}

} // namespace kiosk::builder::test
