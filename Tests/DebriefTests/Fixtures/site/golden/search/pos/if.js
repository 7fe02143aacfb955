debriefSearch.addPositions("if",{"if":[3,1,58]});
