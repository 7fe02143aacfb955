debriefSearch.addPositions("pa",{"pag":[1,1,139,2,1,117],"pay":[3,1,36]});
