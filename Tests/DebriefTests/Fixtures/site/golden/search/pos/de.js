debriefSearch.addPositions("de",{"delay":[2,2,2,36],"deploy":[3,1,60],"deployment":[3,5,50,6,29,5,6,1,3,71,5,26],"depth":[2,1,58]});
