import Foundation
import DebriefModel

/// The jobs of every page kind in one parallel loop. A parallel loop nested in another runs
/// serially under libdispatch, so each kind's own loop used to keep it on one core; one shared
/// loop keeps every core busy to the end. Jobs start heaviest first (`renderWeight`, then the
/// generators' order), and each job's pages are delivered on the thread that rendered them, as
/// soon as it finishes.
struct RenderQueue {
    private let jobs: [(kind: String, job: RenderJob)]

    init(generators: [any PageGenerator], site: SiteRenderer) {
        let order = generators.indices.sorted { (-generators[$0].renderWeight, $0) < (-generators[$1].renderWeight, $1) }
        jobs = order.flatMap { index in
            let generator = generators[index]
            let kind = String(describing: type(of: generator))
            return generator.jobs(site).map { (kind, $0) }
        }
    }

    /// What `deliver` returns for each job's pages, in job order whatever the scheduling; the
    /// first error (in job order) is rethrown. Each kind's time is its jobs' times added up.
    func run<Delivered: Sendable>(timings: BuildTimings,
                                  deliver: @Sendable ([RenderedPage]) throws -> Delivered) throws -> [Delivered] {
        let slots = ResultSlots<Result<Delivered, any Error>>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let (kind, job) = jobs[index]
            slots[index] = Result { try timings.accumulate(kind) { try deliver(try job.render()) } }
            FreedMemory.release()
        }
        return try slots.values.map { try $0.get() }
    }
}

extension Range<Int> {
    /// Consecutive ranges of at most `size` positions that cover this one.
    func batches(of size: Int) -> [Range<Int>] {
        stride(from: lowerBound, to: upperBound, by: size).map { $0 ..< Swift.min($0 + size, upperBound) }
    }
}
