#include "Screens.hpp"
#include "Widgets.hpp"

namespace kiosk::ui {

namespace {

constexpr const char* kModeSwitchIcons[] = {"contrast", "large-text"};

// A pill shows the language's own picture when the pack gives one; else the first pill carries
// the "language" sign, so the picker is found even without pictures.
ButtonStyle languagePillStyle(const UiContext& context, const pack::Language& language,
                              float maximumLabelWidth) {
    ButtonStyle style;
    style.maximumLabelWidth = maximumLabelWidth;
    style.pictureImageId = language.pictureImageId;
    if (language.code == context.language)
        style.fill = context.colours.selected;
    return style;
}

std::string languagePillIcon(const pack::Language& language, bool isFirst) {
    return isFirst && !language.pictureImageId ? "language" : "";
}

// The pills' width with their names cut to `maximumLabelWidth` (0: whole), gaps included.
float languagePillsWidth(const UiContext& context, float maximumLabelWidth) {
    const auto& languages = context.pack.index().languages;
    float width = 0;
    for (auto language = languages.begin(); language != languages.end(); ++language) {
        const ButtonStyle style = languagePillStyle(context, *language, maximumLabelWidth);
        width += iconButtonWidth(context, languagePillIcon(*language, language == languages.begin()),
                                 language->nativeName, style) +
                 context.metrics.buttonGap;
    }
    return width;
}

// The widest the names may be for the pills to fit in `room`: whole if they fit, else cut.
float languageLabelWidthFor(const UiContext& context, float room) {
    if (languagePillsWidth(context, 0) <= room)
        return 0;
    float fits = 1, tooWide = context.metrics.screen.x;
    for (int step = 0; step < 12; ++step) {
        const float middle = (fits + tooWide) / 2;
        (languagePillsWidth(context, middle) <= room ? fits : tooWide) = middle;
    }
    return fits;
}

} // namespace

float modeSwitchesWidth(const UiContext& context) {
    ButtonStyle iconOnly;
    iconOnly.showLabel = false;
    float width = 0;
    for (const char* icon : kModeSwitchIcons)
        width += iconButtonWidth(context, icon, "", iconOnly) + context.metrics.buttonGap;
    return width;
}

float drawLanguageSwitch(UiContext& context, float rightEdge, float leftLimit, float top, float height) {
    const auto& languages = context.pack.index().languages;
    if (languages.size() < 2)
        return rightEdge;
    const Metrics& metrics = context.metrics;
    // Four long names do not fit beside Back, Home and the switches on a small screen: cut with
    // "…" rather than crowd the other buttons (each pill still says its whole name aloud).
    const float maximumLabelWidth = languageLabelWidthFor(context, rightEdge - leftLimit + metrics.buttonGap);
    float x = rightEdge;
    for (auto language = languages.rbegin(); language != languages.rend(); ++language) {
        const bool current = language->code == context.language;
        const ButtonStyle style = languagePillStyle(context, *language, maximumLabelWidth);
        const std::string icon = languagePillIcon(*language, std::next(language) == languages.rend());
        const float width = iconButtonWidth(context, icon, language->nativeName, style);
        x -= width;
        const std::string id = "language-" + language->code;
        if (iconButton(context, id.c_str(), icon, language->nativeName, ImVec2(x, top), height, style)) {
            if (!current)
                context.actions.push_back(action::SetLanguage{language->code});
            // Even the language already chosen says its name: a visitor who cannot read the
            // pills finds hers by listening to each.
            context.actions.push_back(action::SpeakLanguageName{language->code});
        }
        x -= metrics.buttonGap;
    }
    return x;
}

float drawModeSwitches(UiContext& context, float rightEdge, float top, float height) {
    const Metrics& metrics = context.metrics;
    struct Switch {
        const char* id;
        const char* icon;
        const char* word;
        bool on;
        UiAction action;
    };
    const Switch switches[] = {
        {"mode-high-contrast", kModeSwitchIcons[0], "high_contrast", context.modes.highContrast,
         action::ToggleHighContrast{}},
        {"mode-large-text", kModeSwitchIcons[1], "large_text", context.modes.largeText,
         action::ToggleLargeText{}},
    };
    // The icons alone say little to someone who has never seen them: each says its name.
    float x = rightEdge;
    for (const Switch& modeSwitch : switches) {
        ButtonStyle style;
        // The icons say it; words would crowd out the page title. The harness and tests still
        // find the buttons by their words.
        style.showLabel = false;
        if (modeSwitch.on)
            style.fill = context.colours.selected;
        const std::string label = context.word(modeSwitch.word);
        x -= iconButtonWidth(context, modeSwitch.icon, label, style);
        if (iconButton(context, modeSwitch.id, modeSwitch.icon, label, ImVec2(x, top), height, style)) {
            context.actions.push_back(modeSwitch.action);
            context.actions.push_back(action::SpeakWord{modeSwitch.word});
        }
        x -= metrics.buttonGap;
    }
    return x;
}

float drawTopBar(UiContext& context, const TopBarOptions& options) {
    const Metrics& metrics = context.metrics;
    const Palette& colours = context.colours;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float bottom = metrics.topBarHeight;
    drawList->AddRectFilled(ImVec2(0, 0), ImVec2(metrics.screen.x, bottom), colours.topBar);
    const float edge = std::max(2.0f, 3 * metrics.scale);
    drawList->AddRectFilled(ImVec2(0, bottom - edge), ImVec2(metrics.screen.x, bottom), colours.topBarEdge);
    const float buttonHeight = bottom - 2 * std::max(6.0f, 8 * metrics.scale);
    const float top = (bottom - buttonHeight) / 2;
    float x = metrics.padding * 0.6f;
    const std::string backLabel = context.word("back");
    const std::string homeLabel = context.word("home");
    auto leftButtonsWidth = [&](const ButtonStyle& candidate) {
        return (options.showBack ? iconButtonWidth(context, "back", backLabel, candidate) + metrics.buttonGap
                                 : 0) +
               (options.showHome ? iconButtonWidth(context, "home", homeLabel, candidate) + metrics.gap : 0);
    };
    ButtonStyle style;
    style.showLabel = false;
    // The right-hand switches first, leaving Back and Home room at least for their icons: what
    // is left between them is the title's.
    const float languagesLeft =
        drawLanguageSwitch(context, metrics.screen.x - metrics.padding * 0.6f,
                           x + leftButtonsWidth(style) + modeSwitchesWidth(context), top, buttonHeight);
    const float switchesLeft =
        drawModeSwitches(context, languagesLeft - metrics.buttonGap, top, buttonHeight);
    // On narrow screens the buttons keep their icons and drop their words; so they do where
    // the words would not fit or would cut the title short (their icons and spoken words
    // still say it).
    style.showLabel = true;
    float titleNeeds = 0;
    if (!options.title.empty()) {
        ImFont* font = context.fonts.heading;
        titleNeeds = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, options.title.c_str()).x +
                     (options.icon.empty() ? 0 : metrics.iconSize + metrics.gap * 0.5f) + metrics.gap;
    }
    style.showLabel = metrics.screen.x >= 1000 && x + leftButtonsWidth(style) + titleNeeds <= switchesLeft;
    if (options.showBack) {
        if (iconButton(context, "back", "back", backLabel, ImVec2(x, top), buttonHeight, style)) {
            context.actions.push_back(action::GoBack{});
            context.actions.push_back(action::SpeakWord{"back"});
        }
        x += iconButtonWidth(context, "back", backLabel, style) + metrics.buttonGap;
    }
    if (options.showHome) {
        if (iconButton(context, "home", "home", homeLabel, ImVec2(x, top), buttonHeight, style)) {
            context.actions.push_back(action::GoHome{});
            context.actions.push_back(action::SpeakWord{"home"});
        }
        x += iconButtonWidth(context, "home", homeLabel, style) + metrics.gap;
    }
    if (!options.icon.empty() && switchesLeft - x > metrics.iconSize * 2) {
        drawIcon(drawList, context.pictures.icon(options.icon), ImVec2(x + metrics.iconSize / 2, bottom / 2),
                 metrics.iconSize, colours.onDark);
        x += metrics.iconSize + metrics.gap * 0.5f;
    }
    const float titleWidth = switchesLeft - x - metrics.gap;
    if (!options.title.empty() && titleWidth > metrics.iconSize) {
        ImFont* font = context.fonts.heading;
        textAt(context, options.title, font, colours.onDark, ImVec2(x, (bottom - font->FontSize) / 2),
               titleWidth);
    }
    return bottom;
}

} // namespace kiosk::ui
