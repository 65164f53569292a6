#include "script/Script.hpp"

#include "text/Unicode.hpp"

#include <charconv>
#include <sstream>

namespace kiosk::script {

namespace {

class LineReader {
  public:
    LineReader(const std::string& line, std::string location) : line_(line), location_(std::move(location)) {}

    std::string word() {
        skipSpaces();
        const std::size_t start = position_;
        while (position_ < line_.size() && line_[position_] != ' ' && line_[position_] != '\t')
            ++position_;
        return line_.substr(start, position_ - start);
    }

    float number(const char* what) {
        const std::string token = word();
        float value = 0;
        const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
        if (token.empty() || error != std::errc() || end != token.data() + token.size())
            fail(std::string("expected a number for ") + what + ", got '" + token + "'");
        return value;
    }

    int wholeNumber(const char* what) {
        const float value = number(what);
        if (value < 0 || value > 86400000 || static_cast<float>(static_cast<int>(value)) != value)
            fail(std::string(what) + " must be a whole number of milliseconds");
        return static_cast<int>(value);
    }

    std::string quoted() {
        skipSpaces();
        if (position_ >= line_.size() || line_[position_] != '"')
            fail("expected text in double quotes");
        const std::size_t end = line_.find('"', position_ + 1);
        if (end == std::string::npos)
            fail("missing closing double quote");
        std::string text = line_.substr(position_ + 1, end - position_ - 1);
        position_ = end + 1;
        if (text.empty())
            fail("the quoted text is empty");
        return text;
    }

    bool nextIsQuote() {
        skipSpaces();
        return position_ < line_.size() && line_[position_] == '"';
    }

    bool atEnd() {
        skipSpaces();
        return position_ == line_.size();
    }

    void expectEnd() {
        skipSpaces();
        if (position_ != line_.size())
            fail("unexpected '" + line_.substr(position_) + "'");
    }

    [[noreturn]] void fail(const std::string& message) const {
        throw ScriptError(location_ + ": " + message + " in: " + line_);
    }

  private:
    void skipSpaces() {
        while (position_ < line_.size() && (line_[position_] == ' ' || line_[position_] == '\t'))
            ++position_;
    }

    const std::string& line_;
    std::string location_;
    std::size_t position_ = 0;
};

Action parseAction(LineReader& reader) {
    const std::string name = reader.word();
    if (name == "tap") {
        if (reader.nextIsQuote())
            return TapText{reader.quoted()};
        const float x = reader.number("x");
        return TapAt{x, reader.number("y")};
    }
    if (name == "tap-key")
        return TapText{reader.quoted(), true};
    if (name == "drag") {
        Drag drag;
        drag.fromX = reader.number("x1");
        drag.fromY = reader.number("y1");
        drag.toX = reader.number("x2");
        drag.toY = reader.number("y2");
        drag.milliseconds = reader.wholeNumber("duration");
        return drag;
    }
    if (name == "hold") {
        Hold hold;
        hold.x = reader.number("x");
        hold.y = reader.number("y");
        hold.milliseconds = reader.wholeNumber("duration");
        return hold;
    }
    if (name == "wait-for") {
        WaitFor waitFor;
        waitFor.text = reader.quoted();
        if (!reader.atEnd())
            waitFor.milliseconds = reader.wholeNumber("timeout");
        return waitFor;
    }
    if (name == "wait")
        return Wait{reader.wholeNumber("wait")};
    if (name == "shot") {
        const std::string fileName = reader.word();
        if (fileName.size() < 5 || fileName.substr(fileName.size() - 4) != ".png" ||
            fileName.find('/') != std::string::npos || fileName.front() == '.')
            reader.fail("shot takes a file name ending in .png, without folders");
        return Shot{fileName};
    }
    if (name == "expect")
        return Expect{reader.quoted(), true};
    if (name == "expect-not")
        return Expect{reader.quoted(), false};
    if (name == "expect-audio")
        return ExpectAudio{};
    if (name == "wait-sound-end") {
        WaitSoundEnd waitSoundEnd;
        if (!reader.atEnd())
            waitSoundEnd.milliseconds = reader.wholeNumber("timeout");
        return waitSoundEnd;
    }
    if (name == "expect-playback") {
        const std::string state = reader.word();
        for (const char* known : kPlaybackStates)
            if (state == known)
                return ExpectPlayback{state};
        reader.fail("expect-playback takes idle, playing, paused, finished or failed, not '" + state + "'");
    }
    if (name == "locate")
        return Locate{reader.quoted()};
    reader.fail("unknown command '" + name + "'");
}

} // namespace

std::vector<Command> parseScript(const std::string& source, const std::string& sourceName) {
    std::vector<Command> commands;
    std::istringstream lines(source);
    std::string line;
    int lineNumber = 0;
    while (std::getline(lines, line)) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const std::size_t first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#')
            continue;
        // A script is text; echoing binary junk back would only garble the message.
        if (!text::isValidUtf8(line))
            throw ScriptError(sourceName + ":" + std::to_string(lineNumber) +
                              ": not UTF-8 text (is this a script file?)");
        LineReader reader(line, sourceName + ":" + std::to_string(lineNumber));
        Action action = parseAction(reader);
        reader.expectEnd();
        commands.push_back(Command{lineNumber, line, std::move(action)});
    }
    return commands;
}

} // namespace kiosk::script
