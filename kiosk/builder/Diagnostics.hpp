// Problems found in a pack source, each tied to the file and line a field officer must fix.
// The builder collects all of them before giving up, so one run shows every mistake.
#pragma once

#include <string>
#include <vector>

namespace kiosk::builder {

struct SourceLocation {
    std::string file; // as shown to the user, e.g. "demo-src/vie/meeting.txt"
    int line = 0;     // 1-based; 0 when the problem concerns the whole file
};

struct Diagnostic {
    SourceLocation location;
    std::string message;

    // "file:line: message", the form editors and terminals turn into links.
    std::string format() const;
};

class Diagnostics {
  public:
    void report(SourceLocation location, std::string message);
    void report(const std::string& file, int line, std::string message);

    bool empty() const { return entries_.empty(); }
    std::size_t size() const { return entries_.size(); }
    const std::vector<Diagnostic>& entries() const { return entries_; }
    // Sorted by file, then line, so the output reads top to bottom like the source.
    std::vector<std::string> formattedInOrder() const;

  private:
    std::vector<Diagnostic> entries_;
};

// "U+1EA0 'Ạ'": the code point for searching, the character itself for recognising it.
// Invisible and control characters are named by code point only, so they cannot garble a terminal.
std::string describeCharacter(char32_t codePoint);

} // namespace kiosk::builder
