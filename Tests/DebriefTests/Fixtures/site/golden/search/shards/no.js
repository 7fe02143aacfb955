debriefSearch.addShard("no",{"no":[0,28],"not":[1,8],"notification":[2,167,2,174],"notificationqueuebacklog":[2,62,2,117],"notifier":[4,31]});
