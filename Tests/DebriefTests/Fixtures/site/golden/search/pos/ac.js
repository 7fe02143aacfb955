debriefSearch.addPositions("ac",{"accept":[1,1,144],"acknowledg":[0,1,97,1,1,137]});
