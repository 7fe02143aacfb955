import DebriefModel
import Foundation

/// Which milestones break the natural order started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved.
///
/// When two milestones are inverted (say resolved is earlier than detected), we cannot tell which
/// one is wrong, so both are distrusted and every figure that uses either is "not measured".
/// The `milestone-order` validation rule tells the author to fix the file.
public enum MilestoneOrder {
    public static func outOfOrder(_ milestones: Milestones) -> Set<MilestoneKind> {
        let present = MilestoneKind.allCases.compactMap { kind in milestones[kind].map { (kind, $0.time) } }
        var suspects: Set<MilestoneKind> = []
        for (index, earlier) in present.enumerated() {
            for later in present[(index + 1)...] where later.1 < earlier.1 {
                suspects.insert(earlier.0)
                suspects.insert(later.0)
            }
        }
        return suspects
    }
}
