debriefSearch.addShard("se",{"search":[0,193],"searchlatencyhigh":[0,56],"second":[0,17,1,25,2,5],"select":[3,5],"sequential":[0,11]});
