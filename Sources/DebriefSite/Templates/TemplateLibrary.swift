/// The parsed layouts of a site by name; any of them can be rendered, and each can include the
/// others as partials (`{{> name}}`).
public struct TemplateLibrary: Sendable {
    public let templates: [String: Template]
    /// The templates by number, and per template the number of each partial it includes (nil:
    /// no such layout): resolved once, not looked up by name at every row.
    let numbered: [Template]
    let partialTargets: [[Int?]]
    let numbers: [String: Int]

    public init(templates: [String: Template]) {
        self.templates = templates
        let names = templates.keys.sorted()
        numbered = names.map { templates[$0]! }
        numbers = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        partialTargets = numbered.map { [numbers] template in template.partials.map { numbers[$0.name] } }
    }

    /// The template `name` rendered with `context` as UTF-8; nil when there is no such template.
    /// Throws `TemplateRenderError` for a tag `context` cannot render (a name no context has, a
    /// list printed as text). `capacity`: the expected size, to allocate the output once.
    public func render(_ name: String, context: TemplateValue, capacity: Int = 16_384) throws -> [UInt8]? {
        guard let number = numbers[name] else { return nil }
        var renderer = TemplateRenderer(library: self, context: context, capacity: capacity)
        try renderer.render(number)
        return renderer.output
    }
}
