/// The rules that ship with Withness, as JSON (the format is in docs/REFLECTION.md).
///
/// Kept as a Swift string rather than a bundle resource because the pure module may not use `Bundle`
/// (it needs Foundation) and a single binary is simpler to deploy. `withness reflect-eval --print-rules`
/// prints it, as a starting point for a deployment's own file.
enum BundledRules {
    static let json = #"""
{"version": 1, "families": ["crisis"], "rules": [
 {"id": "crisis-kill-myself", "family": "crisis", "task": "connection", "principle": "relationship",
  "patterns": ["kill myself"], "text": "x", "why": "y"}]}
"""#
}
