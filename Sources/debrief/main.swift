import DebriefCLI

DebriefCommand.main()
