#include "MarkdownBlocks.hpp"

#include <array>
#include <optional>
#include <string_view>

namespace kiosk::builder {

namespace {

// The text after a bullet marker, or nothing when the line is not a bullet. `line` is trimmed,
// so a marker alone on its line has lost its space: that is an (empty) bullet too.
std::optional<std::string> bulletText(const std::string& line) {
    static constexpr std::array<std::string_view, 3> markers = {"-", "*", "\xE2\x80\xA2"};
    for (const std::string_view marker : markers) {
        if (line == marker)
            return std::string();
        if (line.starts_with(marker) && line.size() > marker.size() && line[marker.size()] == ' ')
            return trimSpaces(line.substr(marker.size() + 1));
    }
    return std::nullopt;
}

std::string headingText(const std::string& line) {
    const std::size_t textStart = line.find_first_not_of('#');
    return textStart == std::string::npos ? std::string() : trimSpaces(line.substr(textStart));
}

class BlockCollector {
  public:
    void startBlock(pack::BlockKind kind, std::string text, int line) {
        finishBlock();
        open_ = pack::TextBlock{kind, std::move(text)};
        openLine_ = line;
    }
    void continueBlock(const std::string& text, int line) {
        if (!open_) {
            open_ = pack::TextBlock{pack::BlockKind::Paragraph, text};
            openLine_ = line;
        } else if (open_->text.empty()) {
            open_->text = text;
        } else {
            open_->text += ' ';
            open_->text += text;
        }
    }
    void finishBlock() {
        // An empty heading or a lone bullet marker carries nothing to show.
        if (open_ && !open_->text.empty()) {
            blocks_.push_back(std::move(*open_));
            startLines_.push_back(openLine_);
        }
        open_.reset();
    }
    std::vector<pack::TextBlock> takeBlocks(std::vector<int>* startLines) {
        finishBlock();
        if (startLines)
            *startLines = std::move(startLines_);
        return std::move(blocks_);
    }

  private:
    std::optional<pack::TextBlock> open_;
    int openLine_ = 0;
    std::vector<pack::TextBlock> blocks_;
    std::vector<int> startLines_;
};

} // namespace

std::vector<pack::TextBlock> parseMarkdownBlocks(std::span<const SourceLine> lines,
                                                 std::vector<int>* startLines) {
    BlockCollector collector;
    for (const SourceLine& line : lines) {
        const std::string text = trimSpaces(line.text);
        if (text.empty()) {
            collector.finishBlock();
        } else if (text.front() == '#') {
            collector.startBlock(pack::BlockKind::Heading, headingText(text), line.number);
            // A heading is always a single line.
            collector.finishBlock();
        } else if (std::optional<std::string> bullet = bulletText(text)) {
            collector.startBlock(pack::BlockKind::Bullet, std::move(*bullet), line.number);
        } else {
            collector.continueBlock(text, line.number);
        }
    }
    return collector.takeBlocks(startLines);
}

} // namespace kiosk::builder
