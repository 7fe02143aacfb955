import DebriefCLI
