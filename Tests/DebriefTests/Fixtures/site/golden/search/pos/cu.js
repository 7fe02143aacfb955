debriefSearch.addPositions("cu",{"customer":[1,2,65,20,2,1,34]});
