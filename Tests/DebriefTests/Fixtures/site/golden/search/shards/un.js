debriefSearch.addShard("un",{"undo":[3,5],"unindex":[0,84]});
