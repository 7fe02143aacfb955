/// The parsed layouts of a site by name; any of them can be rendered, and each can include the
/// others as partials (`{{> name}}`).
public struct TemplateLibrary: Sendable {
    public let templates: [String: Template]

    public init(templates: [String: Template]) {
        self.templates = templates
    }

    /// The template `name` rendered with `context` as UTF-8; nil when there is no such template.
    /// `capacity`: the expected size, to allocate the output once.
    public func render(_ name: String, context: TemplateValue, capacity: Int = 16_384) throws -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(templates: templates, context: context, capacity: capacity)
        try renderer.render(template)
        return renderer.output
    }
}
