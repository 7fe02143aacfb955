debriefSearch.addPositions("co",{"column":[0,2,39,36],"confirm":[3,1,106],"consumer":[2,1,47,2,6,48,12,7,12,12,7],"correlat":[3,1,61]});
