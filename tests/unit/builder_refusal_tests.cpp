// Every way a source is refused: the build fails, names the file and line, and writes nothing.
#include "builder_test_source_tree.hpp"

#include "pack/PackSchema.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace kiosk;
using builder::test::SourceTree;

namespace {

// Builds `source`, expects it to be refused with a problem that starts with `expectedStart`
// ("<file>:<line>: <message start>"), and checks that no file was left in the output folder.
void checkRefused(const SourceTree& source, const std::string& expectedStart) {
    const builder::BuildResult result = source.build();
    const std::string problems = builder::test::joinedProblems(result);
    INFO("expected: " << expectedStart);
    INFO("problems:\n" << problems);
    CHECK_FALSE(result.succeeded);
    const bool found =
        std::any_of(result.problems.begin(), result.problems.end(),
                    [&](const std::string& problem) { return problem.starts_with(expectedStart); });
    CHECK(found);
    CHECK(std::filesystem::is_empty(source.outputFolder()));
}

} // namespace

TEST_CASE("builder refuses: a missing picture file") {
    const SourceTree source;
    source.replaceIn("vie/health.txt", "cover: cover.png", "cover: nothere.png");
    checkRefused(source, source.shown("vie/health.txt") + ":6: missing picture 'nothere.png'");
}

TEST_CASE("builder refuses: a missing gallery picture, suggesting the name with other capitals") {
    const SourceTree source;
    source.replaceIn("vie/health.txt", "gallery-b.png", "Gallery-B.png");
    checkRefused(source, source.shown("vie/health.txt") +
                             ":7: missing picture 'Gallery-B.png': there is no such file in images/ "
                             "(there is 'gallery-b.png'");
}

TEST_CASE("builder refuses: a category picture that is missing") {
    const SourceTree source;
    source.remove("images/category-meetings.jpg");
    checkRefused(source, source.shown("categories.txt") + ":13: missing picture 'category-meetings.jpg'");
}

TEST_CASE("builder refuses: a picture that is not a PNG or JPEG") {
    const SourceTree source;
    source.writeText("images/cover.png", "GIF89a this is not a PNG");
    checkRefused(source,
                 source.shown("vie/health.txt") + ":6: picture 'cover.png': not a PNG or JPEG picture");
}

TEST_CASE("builder refuses: a picture larger than a pack may hold") {
    const SourceTree source;
    std::vector<std::uint8_t> huge = image::encodePng(builder::test::makeTestImage(4, 4));
    huge.resize(pack::kMaximumImageBytes + 1);
    source.writeBytes("images/cover.png", huge);
    checkRefused(source, source.shown("vie/health.txt") + ":6: picture 'cover.png': file too large");
}

TEST_CASE("builder refuses: a picture with more pixels than the source limit") {
    const SourceTree source;
    // Only the header matters: the size is refused before any pixel is decoded.
    std::vector<std::uint8_t> png = image::encodePng(builder::test::makeTestImage(2, 2));
    const std::uint32_t side = 9000;
    for (const std::size_t offset : {std::size_t{16}, std::size_t{20}}) {
        png[offset] = static_cast<std::uint8_t>(side >> 24);
        png[offset + 1] = static_cast<std::uint8_t>(side >> 16);
        png[offset + 2] = static_cast<std::uint8_t>(side >> 8);
        png[offset + 3] = static_cast<std::uint8_t>(side);
    }
    source.writeBytes("images/cover.png", png);
    checkRefused(source, source.shown("vie/health.txt") + ":6: picture 'cover.png': picture is 9000x9000");
}

TEST_CASE("builder refuses: picture paths that leave images/") {
    const SourceTree source;
    source.replaceIn("vie/health.txt", "cover: cover.png", "cover: ../pack.png");
    source.replaceIn("vie/meeting.txt", "cover: cover.png", "cover: /etc/cover.png");
    source.replaceIn("categories.txt", "image: category-meetings.jpg", "image: ..\\secret.jpg");
    checkRefused(source,
                 source.shown("vie/health.txt") +
                     ":6: '../pack.png': give only the file name of a picture in images/, no folders");
    checkRefused(source, source.shown("vie/meeting.txt") + ":6: '/etc/cover.png': give only the file name");
    checkRefused(source, source.shown("categories.txt") + ":13: '..\\secret.jpg': give only the file name");
}

TEST_CASE("builder refuses: an images folder that is a symbolic link") {
    const SourceTree source;
    const builder::test::TemporaryDirectory elsewhere;
    std::filesystem::rename(source.root() / "images", elsewhere.path() / "images");
    std::filesystem::create_directory_symlink(elsewhere.path() / "images", source.root() / "images");
    checkRefused(source, source.shown("images") + ": not a folder (symbolic links are not followed)");
}

TEST_CASE("builder refuses: a picture that is a symbolic link") {
    const SourceTree source;
    source.remove("images/cover.png");
    std::filesystem::create_symlink(source.root() / "images/gallery-b.png",
                                    source.root() / "images/cover.png");
    checkRefused(source,
                 source.shown("vie/health.txt") + ":6: picture 'cover.png' in images/ is not a regular file");
}

TEST_CASE("builder refuses: an unknown category") {
    const SourceTree source;
    source.replaceIn("vie/health.txt", "category: policies", "category: polices");
    checkRefused(source,
                 source.shown("vie/health.txt") +
                     ":3: unknown category 'polices' (categories.txt has: policies, programmes, meetings)");
}

TEST_CASE("builder refuses: a character the font cannot draw, named by code point and itself") {
    const SourceTree source;
    // Thai is not in Noto Sans (it has its own Noto Sans Thai).
    source.replaceIn("vie/health.txt", "Tại trạm y tế xã.", "Tại trạm y tế xã ก.");
    checkRefused(source, source.shown("vie/health.txt") +
                             ":22: the font cannot draw U+0E01 'ก' (missing from NotoSans-Regular.ttf, "
                             "NotoSans-Bold.ttf)");
}

TEST_CASE("builder refuses: a character in a title the font cannot draw, once per line") {
    const SourceTree source;
    source.replaceIn("eng/meeting.txt", "title: Village meeting in June", "title: Meeting ☃ ☃");
    const builder::BuildResult result = source.build();
    CHECK_FALSE(result.succeeded);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0] == source.shown("eng/meeting.txt") +
                                    ":1: the font cannot draw U+2603 '☃' (missing from NotoSans-Regular.ttf, "
                                    "NotoSans-Bold.ttf)");
}

TEST_CASE("builder refuses: emoji, which the kiosk's text renderer cannot draw") {
    const SourceTree source;
    source.replaceIn("vie/programme.txt", "partners: CARE", "partners: CARE \xF0\x9F\x98\x80");
    checkRefused(source, source.shown("vie/programme.txt") + ":9: the kiosk cannot draw U+1F600");
}

TEST_CASE("builder refuses: a control character") {
    const SourceTree source;
    source.replaceIn("vie/health.txt", "Người cao tuổi", "Người cao\x07 tuổi");
    checkRefused(source, source.shown("vie/health.txt") + ":18: control character U+0007");
}

TEST_CASE("builder refuses: a page without a title in the default language") {
    const SourceTree source;
    source.replaceIn("vie/health.txt", "title: Bảo hiểm y tế\n", "");
    checkRefused(source, source.shown("vie/health.txt") + ":1: missing required key 'title'");
}

TEST_CASE("builder refuses: an empty title") {
    const SourceTree source;
    source.replaceIn("vie/health.txt", "title: Bảo hiểm y tế", "title:");
    checkRefused(source, source.shown("vie/health.txt") + ":1: 'title' is empty");
}

TEST_CASE("builder refuses: a category without a title in the default language") {
    const SourceTree source;
    source.replaceIn("categories.txt", "title.vie: Chương trình\n", "");
    checkRefused(source, source.shown("categories.txt") + ":7: missing required key 'title.vie'");
}

TEST_CASE("builder refuses: a pack without a title in the default language") {
    const SourceTree source;
    source.replaceIn("pack.txt", "title.vie: Thông tin xã\n", "");
    checkRefused(source, source.shown("pack.txt") + ":1: missing required key 'title.vie'");
}

TEST_CASE("builder refuses: missing required keys") {
    const SourceTree source;
    source.replaceIn("pack.txt", "publisher: Ủy ban nhân dân xã Thử\n", "");
    source.replaceIn("pack.txt", "name.eng: English\n", "");
    source.replaceIn("vie/health.txt", "cover: cover.png\n", "");
    source.replaceIn("vie/meeting.txt", "place: Nhà văn hóa thôn 3\n", "");
    source.replaceIn("vie/programme.txt", "period-start: 2017\n", "");
    checkRefused(source, source.shown("pack.txt") + ":1: missing required key 'publisher'");
    checkRefused(source, source.shown("pack.txt") + ":1: missing required key 'name.eng'");
    checkRefused(source, source.shown("vie/health.txt") + ":1: missing required key 'cover'");
    checkRefused(source, source.shown("vie/meeting.txt") + ":1: missing required key 'place'");
    checkRefused(source, source.shown("vie/programme.txt") + ":1: missing required key 'period-start'");
}

TEST_CASE("builder refuses: missing pack.txt, categories.txt or default-language folder") {
    SUBCASE("pack.txt") {
        const SourceTree source;
        source.remove("pack.txt");
        checkRefused(source, source.shown("pack.txt") + ": missing: every pack source needs pack.txt");
    }
    SUBCASE("categories.txt") {
        const SourceTree source;
        source.remove("categories.txt");
        checkRefused(source,
                     source.shown("categories.txt") + ": missing: every pack source needs categories.txt");
    }
    SUBCASE("vie/") {
        const SourceTree source;
        source.remove("vie");
        checkRefused(source, source.shown("vie") + ": missing folder");
    }
}

TEST_CASE("builder refuses: unknown keys, suggesting the key that was meant") {
    const SourceTree source;
    source.replaceIn("vie/health.txt", "summary:", "sumary:");
    source.replaceIn("pack.txt", "publisher:", "publsher:");
    source.replaceIn("categories.txt", "image: category-policies.png\ntitle.vie: Chương trình",
                     "image: category-policies.png\ncolour: red\ntitle.vie: Chương trình");
    checkRefused(source,
                 source.shown("vie/health.txt") + ":2: unknown key 'sumary' (did you mean 'summary'?)");
    checkRefused(source, source.shown("pack.txt") + ":4: unknown key 'publsher' (did you mean 'publisher'?)");
    checkRefused(source, source.shown("categories.txt") + ":9: unknown key 'colour'");
}

TEST_CASE("builder refuses: a line that is not key: value, and a key given twice") {
    const SourceTree source;
    source.replaceIn("vie/health.txt", "order: 2\n", "order: 2\nthis line has no key\n");
    source.replaceIn("vie/meeting.txt", "order: 1\n", "order: 1\norder: 2\n");
    checkRefused(source, source.shown("vie/health.txt") + ":5: expected 'key: value'");
    checkRefused(source, source.shown("vie/meeting.txt") + ":5: 'order' is given twice (first on line 4)");
}

TEST_CASE("builder refuses: a page file without the --- line") {
    const SourceTree source;
    source.writeText("vie/meeting.txt", "title: Họp\ncategory: meetings\n");
    checkRefused(source, source.shown("vie/meeting.txt") + ":2: no '---' line");
}

TEST_CASE("builder refuses: bad whole numbers") {
    const SourceTree source;
    source.replaceIn("vie/health.txt", "order: 2", "order: two");
    source.replaceIn("pack.txt", "version: 3", "version: 0");
    source.replaceIn("pack.txt", "min-kiosk-version: 1", "min-kiosk-version: -1");
    checkRefused(source, source.shown("vie/health.txt") +
                             ":4: 'order' must be a whole number (0, 1, 2, ...), "
                             "found 'two'");
    checkRefused(source,
                 source.shown("pack.txt") + ":2: 'version' must be a whole number of at least 1, found '0'");
    checkRefused(source, source.shown("pack.txt") + ":3: 'min-kiosk-version' must be a whole number");
}

TEST_CASE("builder refuses: bad dates") {
    const SourceTree source;
    source.replaceIn("pack.txt", "created: 2026-01-15", "created: 2026-02-30");
    source.replaceIn("vie/meeting.txt", "starts: 2026-06-16 14:00", "starts: 16/6/2026");
    source.replaceIn("vie/programme.txt", "period-end: 2021-12", "period-end: 2021-13");
    checkRefused(source, source.shown("pack.txt") + ":5: 'created' must be a date written YYYY-MM-DD, found "
                                                    "'2026-02-30'");
    checkRefused(source,
                 source.shown("vie/meeting.txt") + ":7: 'starts' must be YYYY-MM-DD or YYYY-MM-DD HH:MM");
    checkRefused(source,
                 source.shown("vie/programme.txt") + ":7: 'period-end' must be YYYY, YYYY-MM or YYYY-MM-DD");
}

TEST_CASE("builder refuses: a meeting that ends before it starts") {
    const SourceTree source;
    source.replaceIn("vie/meeting.txt", "ends: 2026-06-16 17:00", "ends: 2026-06-16 09:00");
    checkRefused(source, source.shown("vie/meeting.txt") + ":8: the meeting ends before it starts");
}

TEST_CASE("builder refuses: bad kind, featured and source values") {
    const SourceTree source;
    source.replaceIn("vie/health.txt", "kind: article", "kind: news");
    source.replaceIn("vie/health.txt", "featured: yes", "featured: true");
    source.replaceIn("vie/health.txt", "source: https://example.org/bhyt", "source: example.org");
    checkRefused(source, source.shown("vie/health.txt") + ":5: 'kind' must be article, programme or meeting");
    checkRefused(source, source.shown("vie/health.txt") + ":10: 'featured' must be yes or no");
    checkRefused(source, source.shown("vie/health.txt") + ":11: 'source' must be a web link");
}

TEST_CASE("builder refuses: a fact that belongs to another kind of page") {
    const SourceTree source;
    source.replaceIn("vie/health.txt", "order: 2\n", "order: 2\nplace: Hội trường\n");
    checkRefused(source, source.shown("vie/health.txt") +
                             ":5: 'place' is only for meeting pages, and this page's kind is article");
}

TEST_CASE("builder refuses: captions for pictures the gallery does not have") {
    const SourceTree source;
    source.replaceIn("eng/health.txt", "caption.1:", "caption.3:");
    source.replaceIn("vie/health.txt", "caption.2:", "caption.0:");
    checkRefused(source, source.shown("eng/health.txt") + ":3: 'caption.3' but the gallery has 2 picture(s)");
    checkRefused(source, source.shown("vie/health.txt") + ":9: 'caption.0': captions are numbered from 1");
}

TEST_CASE("builder refuses: a structural key in a translation") {
    const SourceTree source;
    source.replaceIn("eng/health.txt", "caption.1:", "cover: cover.png\ncaption.1:");
    source.replaceIn("eng/meeting.txt", "place:", "starts: 2026-06-17\nplace:");
    checkRefused(source, source.shown("eng/health.txt") +
                             ":3: 'cover' is a structural key: it belongs only in vie/health.txt");
    checkRefused(source, source.shown("eng/meeting.txt") + ":2: 'starts' is a structural key");
}

TEST_CASE("builder refuses: a translation of a page that does not exist in the default language") {
    const SourceTree source;
    source.writeText("eng/ghost.txt", "title: Ghost\n---\nBoo.\n");
    checkRefused(source,
                 source.shown("eng/ghost.txt") + ":1: there is no page 'ghost' in the default language");
}

TEST_CASE("builder refuses: a translation with an empty body") {
    const SourceTree source;
    source.writeText("eng/health.txt", "title: Health insurance\n---\n\n");
    checkRefused(source, source.shown("eng/health.txt") + ":2: the text after '---' is empty");
}

TEST_CASE("builder refuses: languages that pack.txt does not declare") {
    SUBCASE("a folder") {
        const SourceTree source;
        source.writeText("fra/health.txt", "title: Assurance maladie\n---\nTexte.\n");
        checkRefused(source, source.shown("fra") + ": a folder for language 'fra', which is not declared");
    }
    SUBCASE("a localized key") {
        const SourceTree source;
        source.replaceIn("categories.txt", "title.eng: Policies", "title.fra: Politiques");
        source.replaceIn("pack.txt", "title.eng:", "title.khm:");
        checkRefused(source, source.shown("categories.txt") +
                                 ":5: language 'fra' is not declared in pack.txt (languages: vie, eng)");
        checkRefused(source, source.shown("pack.txt") + ":11: language 'khm' is not declared");
    }
    SUBCASE("a bad code (the default language may come anywhere: spoken_titles_builder_tests.cpp)") {
        const SourceTree source;
        source.replaceIn("pack.txt", "languages: vie, eng", "languages: eng, vie, English");
        checkRefused(source, source.shown("pack.txt") + ":7: 'English' is not an ISO 639-3 language code");
    }
    SUBCASE("an unknown folder") {
        const SourceTree source;
        source.writeText("english/health.txt", "title: Health\n---\nText.\n");
        checkRefused(source, source.shown("english") + ": unknown folder");
    }
}

TEST_CASE("builder refuses: invalid UTF-8, naming each bad line") {
    const SourceTree source;
    source.replaceIn("vie/health.txt", "kind: article", "kind: article \xC3\x28");
    source.replaceIn("vie/health.txt", "Hộ nghèo", "H\xFF nghèo");
    checkRefused(source, source.shown("vie/health.txt") + ":5: invalid UTF-8");
    checkRefused(source, source.shown("vie/health.txt") + ":19: invalid UTF-8");
}

TEST_CASE("builder refuses: duplicate ids") {
    const SourceTree source;
    source.replaceIn("categories.txt", "id: meetings", "id: policies");
    checkRefused(source,
                 source.shown("categories.txt") + ":12: duplicate category id 'policies' (first on line 2)");
}

TEST_CASE("builder refuses: a language listed twice and a picture twice in a gallery") {
    const SourceTree source;
    source.replaceIn("pack.txt", "languages: vie, eng", "languages: vie, eng, vie");
    source.replaceIn("vie/health.txt", "gallery: gallery-a.jpg, gallery-b.png",
                     "gallery: gallery-a.jpg, gallery-b.png, gallery-a.jpg");
    checkRefused(source, source.shown("pack.txt") + ":7: language 'vie' is listed twice");
    checkRefused(source, source.shown("vie/health.txt") + ":7: 'gallery-a.jpg' is in the gallery twice");
}

TEST_CASE("builder refuses: bad ids") {
    const SourceTree source;
    source.replaceIn("pack.txt", "id: vn.test.pack", "id: vn/test pack");
    source.writeText("vie/Bad Page.txt", "title: x\n---\n");
    checkRefused(source, source.shown("pack.txt") + ":1: the pack id may only hold");
    checkRefused(source, source.shown("vie/Bad Page.txt") + ": a page file name may only hold");
}

TEST_CASE("builder refuses: a text file over the size limit") {
    const SourceTree source;
    std::string huge = "title: Big\ncategory: policies\ncover: cover.png\n---\n";
    huge.append(1024 * 1024, 'a');
    source.writeText("vie/big.txt", huge);
    checkRefused(source, source.shown("vie/big.txt") + ": file too large");
}

TEST_CASE("builder refuses: other files in a language folder") {
    const SourceTree source;
    source.writeText("vie/health.md", "# Not read");
    checkRefused(source, source.shown("vie/health.md") + ": only page files named <page-id>.txt");
}

TEST_CASE("builder refuses: a source folder that does not exist") {
    const SourceTree source;
    const builder::BuildResult result = builder::buildPack(
        builder::BuildOptions{source.root() / "nowhere", source.output(), builder::defaultFontFiles()});
    CHECK_FALSE(result.succeeded);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0] == (source.root() / "nowhere").string() + ": not a folder");
    CHECK(std::filesystem::is_empty(source.outputFolder()));
}

TEST_CASE("builder: all problems are reported at once, in file and line order") {
    const SourceTree source;
    source.replaceIn("vie/health.txt", "category: policies", "category: nope");
    source.replaceIn("vie/health.txt", "cover: cover.png", "cover: nothere.png");
    source.replaceIn("pack.txt", "created: 2026-01-15", "created: yesterday");
    const builder::BuildResult result = source.build();
    CHECK_FALSE(result.succeeded);
    REQUIRE(result.problems.size() == 3);
    CHECK(result.problems[0].starts_with(source.shown("pack.txt") + ":5: "));
    CHECK(result.problems[1].starts_with(source.shown("vie/health.txt") + ":3: "));
    CHECK(result.problems[2].starts_with(source.shown("vie/health.txt") + ":6: "));
}

TEST_CASE("builder: a failed build leaves an existing pack untouched and no temporary file") {
    const SourceTree source;
    REQUIRE(source.build().succeeded);
    const std::vector<std::uint8_t> before = builder::test::readBytes(source.output());
    source.replaceIn("vie/health.txt", "category: policies", "category: nope");
    CHECK_FALSE(source.build().succeeded);
    CHECK(builder::test::readBytes(source.output()) == before);
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(source.outputFolder()))
        files.push_back(entry.path().filename().string());
    CHECK(files == std::vector<std::string>{"test.kpack"});
}
