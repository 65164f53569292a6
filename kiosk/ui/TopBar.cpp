#include "Screens.hpp"
#include "Widgets.hpp"

namespace kiosk::ui {

float drawLanguageSwitch(UiContext& context, float rightEdge, float top, float height, bool onDark) {
    const auto& languages = context.pack.index().languages;
    if (languages.size() < 2)
        return rightEdge;
    const Metrics& metrics = context.metrics;
    float x = rightEdge;
    for (auto language = languages.rbegin(); language != languages.rend(); ++language) {
        const bool current = language->code == context.language;
        ButtonStyle style;
        style.fill = current ? colour::accent : (onDark ? colour::topBarButton : colour::surface);
        style.content = current || onDark ? colour::onDark : colour::text;
        const std::string icon = std::next(language) == languages.rend() ? "language" : "";
        const float width = iconButtonWidth(context, icon, language->nativeName, style);
        x -= width;
        const std::string id = "language-" + language->code;
        if (iconButton(context, id.c_str(), icon, language->nativeName, ImVec2(x, top), height, style) && !current)
            context.actions.push_back(action::SetLanguage{language->code});
        x -= metrics.gap * 0.5f;
    }
    return x;
}

float drawTopBar(UiContext& context, const TopBarOptions& options) {
    const Metrics& metrics = context.metrics;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float bottom = metrics.topBarHeight;
    drawList->AddRectFilled(ImVec2(0, 0), ImVec2(metrics.screen.x, bottom), colour::topBar);
    const float buttonHeight = bottom - 2 * std::max(6.0f, 8 * metrics.scale);
    const float top = (bottom - buttonHeight) / 2;
    float x = metrics.padding * 0.6f;
    ButtonStyle style;
    // On narrow screens the buttons keep their icons and drop their words.
    style.showLabel = metrics.screen.x >= 1000;
    if (options.showBack) {
        const std::string label = context.word("back");
        if (iconButton(context, "back", "back", label, ImVec2(x, top), buttonHeight, style))
            context.actions.push_back(action::GoBack{});
        x += iconButtonWidth(context, "back", label, style) + metrics.gap * 0.5f;
    }
    if (options.showHome) {
        const std::string label = context.word("home");
        if (iconButton(context, "home", "home", label, ImVec2(x, top), buttonHeight, style))
            context.actions.push_back(action::GoHome{});
        x += iconButtonWidth(context, "home", label, style) + metrics.gap;
    }
    const float languagesLeft =
        drawLanguageSwitch(context, metrics.screen.x - metrics.padding * 0.6f, top, buttonHeight, true);
    if (!options.title.empty()) {
        ImFont* font = context.fonts.heading;
        textAt(context, options.title, font, colour::onDark, ImVec2(x, (bottom - font->FontSize) / 2),
               languagesLeft - x - metrics.gap);
    }
    return bottom;
}

} // namespace kiosk::ui
