debriefSearch.addPositions("pe",{"peak":[3,1,40]});
