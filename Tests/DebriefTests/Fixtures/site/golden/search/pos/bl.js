debriefSearch.addPositions("bl",{"block":[1,2,69,56]});
