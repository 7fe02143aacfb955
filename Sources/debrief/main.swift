import DebriefCLI
import Foundation

// Exit statuses follow SPEC section 5: 0 ok, 1 errors found, 2 usage or I/O failure.
exit(DebriefCommand.runMain())
