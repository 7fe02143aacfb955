
/// Hands memory the build has freed back to the system. glibc's allocator keeps freed small
/// blocks in its heaps, and a large buffer allocated later (a page kind's output, the search
/// index's arrays) gets fresh pages beside them instead: the transient tables of one step
/// (related-incident term counts, the search index runs) stayed resident through every later
/// step and added up to the peak. Called between steps that free much; a no-op elsewhere.
enum FreedMemory {
    static func release() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux)
/// `malloc_trim` from `<malloc.h>`, which the Glibc module does not export.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
