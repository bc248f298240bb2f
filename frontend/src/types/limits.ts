/**
 * Generated from the backend's OpenAPI schema by `npm run api-types` (scripts/api-types.mjs).
 * Do not edit: change the API, then regenerate. `npm run test` fails when this file is stale.
 */
export const limits = {
  "CategoryInputRequest": {
    "name": {
      "minLength": 1,
      "maxLength": 60
    },
    "slug": {
      "minLength": 1,
      "maxLength": 60
    },
    "description": {
      "maxLength": 500
    },
    "icon": {
      "maxLength": 40
    }
  },
  "CommentCreateInputRequest": {
    "content": {
      "minLength": 1,
      "maxLength": 5000
    }
  },
  "EmailVerifyInputRequest": {
    "uid": {
      "minLength": 1,
      "maxLength": 64
    },
    "token": {
      "minLength": 1,
      "maxLength": 128
    }
  },
  "GoogleSignInInputRequest": {
    "id_token": {
      "minLength": 1,
      "maxLength": 8192
    }
  },
  "LoginInputRequest": {
    "email": {
      "maxLength": 254
    },
    "username": {
      "maxLength": 150
    },
    "password": {
      "minLength": 1,
      "maxLength": 128
    }
  },
  "NotificationsReadInputRequest": {
    "ids": {
      "maxItems": 1000,
      "items": {}
    }
  },
  "PasswordChangeInputRequest": {
    "old_password": {
      "minLength": 1,
      "maxLength": 128
    },
    "new_password": {
      "minLength": 1,
      "maxLength": 128
    }
  },
  "PasswordResetConfirmInputRequest": {
    "uid": {
      "minLength": 1,
      "maxLength": 64
    },
    "token": {
      "minLength": 1,
      "maxLength": 128
    },
    "new_password": {
      "minLength": 1,
      "maxLength": 128
    }
  },
  "PasswordResetInputRequest": {
    "email": {
      "minLength": 1,
      "maxLength": 254
    }
  },
  "PatchedCategoryInputRequest": {
    "name": {
      "minLength": 1,
      "maxLength": 60
    },
    "slug": {
      "minLength": 1,
      "maxLength": 60
    },
    "description": {
      "maxLength": 500
    },
    "icon": {
      "maxLength": 40
    }
  },
  "PatchedCommentUpdateInputRequest": {
    "content": {
      "minLength": 1,
      "maxLength": 5000
    }
  },
  "PatchedProductInputRequest": {
    "title": {
      "minLength": 1,
      "maxLength": 120
    },
    "tagline": {
      "maxLength": 160
    },
    "description": {
      "maxLength": 10000
    },
    "category": {
      "minLength": 1,
      "maxLength": 60
    },
    "image": {
      "maxLength": 500
    },
    "gallery": {
      "maxItems": 10,
      "items": {
        "minLength": 1,
        "maxLength": 500
      }
    },
    "tags": {
      "maxItems": 10,
      "items": {
        "minLength": 1,
        "maxLength": 30
      }
    }
  },
  "PatchedProfileUpdateInputRequest": {
    "first_name": {
      "maxLength": 150
    },
    "last_name": {
      "maxLength": 150
    },
    "bio": {
      "maxLength": 500
    },
    "avatar": {
      "maxLength": 500
    }
  },
  "ProductCreateInputRequest": {
    "title": {
      "minLength": 1,
      "maxLength": 120
    },
    "tagline": {
      "maxLength": 160
    },
    "description": {
      "maxLength": 10000
    },
    "category": {
      "minLength": 1,
      "maxLength": 60
    },
    "image": {
      "maxLength": 500
    },
    "gallery": {
      "maxItems": 10,
      "items": {
        "minLength": 1,
        "maxLength": 500
      }
    },
    "tags": {
      "maxItems": 10,
      "items": {
        "minLength": 1,
        "maxLength": 30
      }
    }
  },
  "RegisterInputRequest": {
    "username": {
      "minLength": 1,
      "maxLength": 150
    },
    "email": {
      "minLength": 1,
      "maxLength": 254
    },
    "password": {
      "minLength": 1,
      "maxLength": 128
    }
  },
  "VitalsBeaconRequest": {
    "metrics": {
      "maxItems": 5,
      "items": {}
    }
  }
} as const

export const queryLimits = {
  "/api/products/launch-days/": {
    "ordering": {
      "minLength": 1
    }
  },
  "/api/search/products/": {
    "category": {
      "minLength": 1,
      "maxLength": 60
    },
    "ordering": {
      "minLength": 1
    },
    "q": {
      "minLength": 1,
      "maxLength": 200
    },
    "tag": {
      "minLength": 1,
      "maxLength": 30
    }
  }
} as const
