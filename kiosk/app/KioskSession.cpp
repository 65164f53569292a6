#include "KioskSession.hpp"

#include "EmbeddedDemoPack.hpp"
#include "audio/SoundSettings.hpp"
#include "install/StartupPack.hpp"
#include "os/Log.hpp"
#include "stats/PackCatalog.hpp"

namespace kiosk::app {

namespace {

std::filesystem::path makeDataDirectory(const KioskOptions& options) {
    const std::filesystem::path directory = options.dataDirectory.value_or(defaultDataDirectory());
    std::error_code cannotCreate; // the statistics then count in memory; installs say why they fail
    std::filesystem::create_directories(directory, cannotCreate);
    return directory;
}

install::InstallSettings installSettings(const platform::RuntimeSettings& settings) {
    install::InstallSettings install;
    const std::filesystem::path fonts = settings.assetDirectory / "fonts";
    install.fontFiles = {fonts / "NotoSans-Regular.ttf", fonts / "NotoSans-Bold.ttf"};
    install.embeddedPack = embeddedDemoPack();
    return install;
}

platform::UsbWatcherSettings watcherSettings(const KioskOptions& options) {
    platform::UsbWatcherSettings settings;
    settings.testRoots = options.usbRoots;
    return settings;
}

std::optional<stats::UsbOutboxSettings> outboxSettings(const KioskOptions& options) {
    if (!options.usbExportOutbox || !options.usbExportResult)
        return std::nullopt;
    stats::UsbOutboxSettings settings;
    settings.outbox = *options.usbExportOutbox;
    settings.resultFile = *options.usbExportResult;
    return settings;
}

} // namespace

KioskSession::KioskSession(const KioskOptions& options, PackChoice pack, const text::UiStrings& strings,
                           const platform::RuntimeSettings& settings, const time::Clock& clock)
    : dataDirectory_(makeDataDirectory(options)), clock_(clock),
      startedMilliseconds_(clock.monotonicMilliseconds()), strings_(strings), pack_(std::move(pack)),
      statistics_(clock, dataDirectory_, pack_.reader->index()),
      stickFlow_(clock, dataDirectory_, watcherSettings(options), installSettings(settings),
                 statistics_.recorder(), strings, outboxSettings(options)),
      staffConsole_(
          clock, strings, dataDirectory_, statistics_.recorder(), describeShownPack(),
          [this] { return stickFlow_.stickKioskFolder(); },
          [this] { return stickFlow_.exportThroughOutbox(); }) {
    platform::RuntimeSettings runtimeSettings = settings;
    runtimeSettings.fontCacheFile = dataDirectory_ / "font-atlas.cache";
    runtime_ = std::make_unique<platform::KioskRuntime>(runtimeSettings, *pack_.reader, strings_, clock);
    runtime_->setUsageObserver(&statistics_);
    staffConsole_.setLastStickOutcome([this] { return stickFlow_.lastStickOutcome(); });
    // The UI cannot be replaced while it draws the staff view's button: next frame.
    staffConsole_.setPreviousPackChosen([this] { previousPackChosen_ = true; });
    runtime_->setStaffServices(&staffConsole_);
    runtime_->audio().setVolume(audio::loadVolumePercent(dataDirectory_));
    staffConsole_.setAudioOutput(&runtime_->audio());
    runtime_->setFrameHook([this] { return beforeFrame(); });
    if (pack_.safeStart)
        stickFlow_.ignoreSticksPresentNow();
}

ShownPackDescription KioskSession::describeShownPack() const {
    ShownPackDescription description;
    description.metadata = pack_.reader->metadata();
    description.origin = pack_.origin;
    description.reason = pack_.reason;
    const install::DataDirectory data(dataDirectory_);
    std::error_code error;
    description.lastKnownGood = std::filesystem::exists(data.lastKnownGoodPack(), error)
                                    ? data.lastKnownGoodPack().string()
                                    : std::string("–");
    return description;
}

void KioskSession::recordStayedUp() {
    if (stayedUp_ || pack_.source == install::PackSource::CommandLine)
        return;
    stayedUp_ = true;
    install::markStayedUp(install::DataDirectory(dataDirectory_));
}

void KioskSession::endedCleanly() {
    recordStayedUp();
}

void KioskSession::showReader(std::unique_ptr<pack::PackReader> reader, const std::string& origin) {
    // The new pack shows from this frame on; the old reader goes once nothing uses it.
    runtime_->replacePack(*reader);
    pack_.reader = std::move(reader);
    pack_.origin = origin;
    pack_.source = install::PackSource::Current;
    statistics_.recorder().setInstalledPacks({stats::catalogOf(pack_.reader->index())});
    staffConsole_.setShownPack(describeShownPack());
    os::log("now showing ", pack_.reader->metadata().packId, " version ",
            pack_.reader->metadata().packVersion, " (", origin, ")");
}

void KioskSession::showPack(const std::filesystem::path& file, const std::string& origin) {
    try {
        showReader(std::make_unique<pack::PackReader>(pack::PackReader::openFile(file, KIOSK_VERSION_NUMBER)),
                   origin);
    } catch (const pack::PackError& error) {
        // Checked a moment ago; if it cannot open now the next start falls back.
        os::log("cannot show ", file.string(), ": ", error.what());
    }
}

bool KioskSession::beforeFrame() {
    statistics_.commitWhenDue();
    if (clock_.monotonicMilliseconds() - startedMilliseconds_ >= install::kStayedUpMilliseconds)
        recordStayedUp();
    if (runtime_->takeNoticeDismissed())
        stickFlow_.noticeDismissed();
    if (previousPackChosen_) {
        previousPackChosen_ = false;
        showPack(install::DataDirectory(dataDirectory_).currentPack(),
                 "the previous pack, chosen in the staff view");
    }
    if (std::unique_ptr<pack::PackReader> installed = stickFlow_.onFrame(runtime_->ui().language()))
        showReader(std::move(installed), "installed from a USB stick");
    // A notice that changed needs a frame even when nothing else moves: an idle kiosk runs
    // this hook once a second without drawing, and would otherwise show the old notice (the
    // statistics outcome arrives while idle; a banner's time runs out while idle).
    const bool noticeChanged = stickFlow_.notice() != shownNotice_;
    shownNotice_ = stickFlow_.notice();
    runtime_->setNotice(shownNotice_);
    return stickFlow_.isBusy() || noticeChanged;
}

} // namespace kiosk::app
