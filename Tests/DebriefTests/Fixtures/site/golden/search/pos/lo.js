debriefSearch.addPositions("lo",{"log":[4,2,63,31],"look":[4,2,56,31]});
