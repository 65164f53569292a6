// The error every refusal of a pack's content is reported with (its own header, so that the
// limits, the reader and their callers share it without including each other).
#pragma once

#include <stdexcept>

namespace kiosk::pack {

// A pack the kiosk will not show. The message is for staff and logs: it names what is wrong
// and where (the page, the table).
class PackError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

} // namespace kiosk::pack
