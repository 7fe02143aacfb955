debriefSearch.addPositions("un",{"undo":[3,1,95],"unindex":[0,2,4,34]});
