debriefSearch.addPositions("se",{"search":[0,7,0,13,10,18,7,46,6],"searchlatencyhigh":[0,2,13,81],"second":[0,1,47,1,2,54,115,2,1,80],"select":[3,1,75],"sequential":[0,1,71]});
