import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// cmark-gfm's memory for one document at a time, per thread: its nodes, strings and buffers
/// are carved out of a few reused chunks and all given back at once when the document has been
/// converted, instead of hundreds of `calloc`/`realloc`/`free` calls and a walk of the C tree
/// to free it: those were about a tenth of `debrief check`'s instructions, the arena's work is
/// about 3%, and `check` runs 7% fewer instructions.
///
/// cmark-gfm calls its allocator without a context argument, so each thread finds its arena
/// through a pthread key. Documents are parsed start to finish on one thread, so an arena is
/// never shared.
enum ParseArena {
    /// The allocator to create parsers with (`cmark_parser_new_with_mem`). Written once, then
    /// only read.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let mem = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        mem.initialize(to: cmark_mem(calloc: { count, size in
            let (total, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow else { fatalError("cmark-gfm asked for \(count) x \(size) bytes") }
            let block = ParseArena.current.pointee.allocate(total)
            memset(block, 0, total)
            return block
        }, realloc: { block, size in
            ParseArena.current.pointee.reallocate(block, to: size)
        }, free: { _ in
            // Everything is released together by `reset`.
        }))
        return mem
    }()

    /// Runs `body`, then releases everything cmark-gfm allocated on this thread through
    /// `allocator` meanwhile: no C object made in `body` may be used after it returns, and
    /// calls do not nest.
    static func releasingAllocations<T>(_ body: () -> T) -> T {
        defer { current.pointee.reset() }
        return body()
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        // A thread's arena is freed when the thread ends.
        pthread_key_create(&key) { state in
            guard let arena = state?.assumingMemoryBound(to: Arena.self) else { return }
            arena.pointee.freeAll()
            arena.deinitialize(count: 1)
            arena.deallocate()
        }
        return key
    }()

    private static var current: UnsafeMutablePointer<Arena> {
        if let state = pthread_getspecific(key) { return state.assumingMemoryBound(to: Arena.self) }
        let arena = UnsafeMutablePointer<Arena>.allocate(capacity: 1)
        arena.initialize(to: Arena())
        pthread_setspecific(key, arena)
        return arena
    }

    /// Chunks in a singly linked list, each starting with a `ChunkHeader`; blocks inside a chunk
    /// start with their size (for `realloc`).
    struct Arena {
        static let chunkSize = 64 << 10
        /// Chunks beyond this many bytes are returned to malloc at `reset` (after a huge document).
        static let retainedBytes = 1 << 20
        static let alignment = 16
        static let blockHeader = 16
        static let chunkStart = rounded(MemoryLayout<ChunkHeader>.size)

        struct ChunkHeader {
            var next: UnsafeMutableRawPointer?
            var size: Int
        }

        var first: UnsafeMutableRawPointer?
        var chunk: UnsafeMutableRawPointer?
        var cursor = 0
        var limit = 0

        static func rounded(_ size: Int) -> Int { (size + alignment - 1) & ~(alignment - 1) }

        mutating func allocate(_ size: Int) -> UnsafeMutableRawPointer {
            let needed = Arena.blockHeader + Arena.rounded(size)
            if cursor + needed > limit { advance(toFit: needed) }
            let block = chunk! + cursor
            block.storeBytes(of: size, as: Int.self)
            cursor += needed
            return block + Arena.blockHeader
        }

        mutating func reallocate(_ pointer: UnsafeMutableRawPointer?, to size: Int) -> UnsafeMutableRawPointer {
            guard let pointer else { return allocate(size) }
            let header = pointer - Arena.blockHeader
            let (oldSize, old, new) = (header.load(as: Int.self), Arena.rounded(header.load(as: Int.self)), Arena.rounded(size))
            // Shrinking, or growing the chunk's last block (a buffer being appended to, usually): in place.
            if new <= old || (pointer + old == chunk! + cursor && cursor + new - old <= limit) {
                if new > old { cursor += new - old }
                header.storeBytes(of: size, as: Int.self)
                return pointer
            }
            let moved = allocate(size)
            moved.copyMemory(from: pointer, byteCount: oldSize)
            return moved
        }

        /// Moves to the next chunk when it has room for `needed` bytes, else links in a new one.
        private mutating func advance(toFit needed: Int) {
            if let next = chunk?.chunkHeader.next, next.chunkHeader.size >= Arena.chunkStart + needed {
                chunk = next
            } else {
                let size = max(Arena.chunkSize, Arena.chunkStart + needed)
                guard let fresh = malloc(size) else { fatalError("out of memory parsing markdown") }
                fresh.chunkHeader = ChunkHeader(next: chunk?.chunkHeader.next, size: size)
                if let chunk { chunk.chunkHeader.next = fresh } else { first = fresh }
                chunk = fresh
            }
            cursor = Arena.chunkStart
            limit = chunk!.chunkHeader.size
        }

        /// Makes every block free again, keeping the first `retainedBytes` of chunks for the next document.
        mutating func reset() {
            guard let first else { return }
            var last = first
            var kept = first.chunkHeader.size
            while let next = last.chunkHeader.next, kept + next.chunkHeader.size <= Arena.retainedBytes {
                kept += next.chunkHeader.size
                last = next
            }
            var surplus = last.chunkHeader.next
            last.chunkHeader.next = nil
            while let chunk = surplus {
                surplus = chunk.chunkHeader.next
                free(chunk)
            }
            (chunk, cursor, limit) = (first, Arena.chunkStart, first.chunkHeader.size)
        }

        mutating func freeAll() {
            var next = first
            while let chunk = next {
                next = chunk.chunkHeader.next
                free(chunk)
            }
            (first, chunk, cursor, limit) = (nil, nil, 0, 0)
        }
    }
}

private extension UnsafeMutableRawPointer {
    var chunkHeader: ParseArena.Arena.ChunkHeader {
        get { load(as: ParseArena.Arena.ChunkHeader.self) }
        nonmutating set { storeBytes(of: newValue, as: ParseArena.Arena.ChunkHeader.self) }
    }
}
